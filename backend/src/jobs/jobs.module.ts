import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';

@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
