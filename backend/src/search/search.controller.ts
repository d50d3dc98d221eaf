import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { SearchQueryDto } from './search-query.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @ApiOperation({ summary: 'Tìm kế hoạch (tên, số ký hiệu, cơ quan ban hành, nội dung) và văn bản đến của cơ quan (trích yếu, số ký hiệu, số đến, nơi gửi) — không phân biệt dấu, hoa thường' })
  search(@CurrentUser() user: AuthUser, @Query() { q, limit }: SearchQueryDto) {
    return this.searchService.search(user, q, limit);
  }
}
