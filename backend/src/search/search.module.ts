import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** One search box over what the caller may read (plans; incoming documents as they come). */
@Module({
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
