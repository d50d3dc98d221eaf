import { Module } from '@nestjs/common';
import { IncomingModule } from '../incoming/incoming.module';
import { PlansModule } from '../plans/plans.module';
import { DistributionController } from './distribution.controller';
import { DistributionService } from './distribution.service';

@Module({ imports: [PlansModule, IncomingModule], controllers: [DistributionController], providers: [DistributionService], exports: [DistributionService] })
export class DistributionModule {}
