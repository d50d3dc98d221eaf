import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** One search box over what the caller may read: plans and the incoming register's entries. */
@Module({
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
