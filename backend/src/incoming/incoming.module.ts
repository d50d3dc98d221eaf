import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { IncomingController } from './incoming.controller';
import { IncomingRepository } from './incoming.repository';
import { IncomingService } from './incoming.service';

/** The incoming documents register; distribution lands delivered plans in it through IncomingRepository. */
@Module({ imports: [PlansModule], controllers: [IncomingController], providers: [IncomingService, IncomingRepository], exports: [IncomingRepository] })
export class IncomingModule {}
