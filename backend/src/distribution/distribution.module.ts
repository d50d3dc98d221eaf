import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { DistributionController } from './distribution.controller';
import { DistributionService } from './distribution.service';

@Module({ imports: [PlansModule], controllers: [DistributionController], providers: [DistributionService], exports: [DistributionService] })
export class DistributionModule {}
