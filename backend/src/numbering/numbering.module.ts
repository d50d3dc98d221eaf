import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { NumberSeriesController } from './number-series.controller';
import { NumberSeriesService } from './number-series.service';
import { NumberingController } from './numbering.controller';
import { NumberingService } from './numbering.service';
import { RegisterExportService } from './register-export.service';

@Module({
  imports: [DocumentsModule],
  controllers: [NumberingController, NumberSeriesController],
  providers: [NumberingService, NumberSeriesService, RegisterExportService],
  exports: [NumberingService],
})
export class NumberingModule {}
