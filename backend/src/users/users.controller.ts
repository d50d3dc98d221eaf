import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CheckPolicy } from '../auth/policies.guard';
import { ListParams, ListQuery } from '../common/list-query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

const SORTABLE = ['username', 'fullName', 'active', 'createdAt', 'updatedAt'];

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@ListParams({ sortable: SORTABLE, defaultSort: 'username' }) query: ListQuery) {
    return this.users.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseIdPipe) id: string) {
    return this.users.get(id);
  }

  @CheckPolicy('create', 'User')
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @CheckPolicy('update', 'User')
  @Put(':id')
  update(@Param('id', ParseIdPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(id, dto);
  }

  /** react-admin's delete: deactivates the account (answers the updated user). */
  @CheckPolicy('delete', 'User')
  @Delete(':id')
  remove(@Param('id', ParseIdPipe) id: string) {
    return this.users.deactivate(id);
  }
}
