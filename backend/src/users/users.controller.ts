import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { CheckPolicy } from '../access/policies.guard';
import { Filter, ListParams, ListQuery } from '../common/list-query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { ROLES } from '../core/roles';
import { UsersService } from './users.service';

const SORTABLE = ['username', 'fullName', 'active', 'createdAt', 'updatedAt'];
const FILTERS = { id: Filter.many(Filter.uuid), q: Filter.text, organisationId: Filter.uuid, role: Filter.oneOf(ROLES), active: Filter.boolean };

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @ListParams({ sortable: SORTABLE, defaultSort: 'username', filters: FILTERS }) query: ListQuery) {
    return this.users.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.users.get(user, id);
  }

  @CheckPolicy('create', 'User')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto) {
    return this.users.create(user, dto);
  }

  @CheckPolicy('update', 'User')
  @Put(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(user, id, dto);
  }

  /** react-admin's delete: deactivates the account (answers the updated user). */
  @CheckPolicy('delete', 'User')
  @Delete(':id')
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.users.deactivate(user, id);
  }
}
