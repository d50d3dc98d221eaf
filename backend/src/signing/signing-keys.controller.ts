import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Get, Param, Put, StreamableFile, UseInterceptors, UploadedFile } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsNumber, IsString, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { notFound } from '../common/app-error';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Organisation } from '../organisations/organisation.entity';
import { assertCan, organisationSubject, userSubject } from '../organisations/organisation-access';
import { User } from '../users/user.entity';
import type { SignatureImageKind } from './signature-image.entity';
import { SigningKeysService, type KeyHolder } from './signing-keys.service';

/** A .p12 with its certificate chain, or a PNG: small files. */
const MAX_UPLOAD_BYTES = 1024 * 1024;

interface UploadedFileBytes {
  buffer: Buffer;
}

class CredentialUploadDto {
  @IsString() @MaxLength(128)
  pin!: string;
}

class SealUploadDto {
  @Type(() => Number) @IsNumber({}, { message: 'phải là một số (mm)' }) @Min(20) @Max(60)
  diameterMm!: number;
}

const upload = () => UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 2 } }));

/**
 * The keys and images digital signatures use, managed by the administrators of the holder's
 * organisation: a leader's PKCS#12 and signature image, an organisation's PKCS#12 and seal.
 */
@ApiTags('signing')
@ApiBearerAuth()
@Controller()
export class SigningKeysController {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly keys: SigningKeysService,
  ) {}

  @Get('users/:id/signing')
  @ApiOperation({ summary: 'Chứng thư số và ảnh chữ ký của một người' })
  async userSigning(@CurrentUser() caller: AuthUser, @Param('id', ParseIdPipe) id: string) {
    const holder = await this.userHolder(caller, id);
    return { credential: await this.keys.info(holder), image: (await this.keys.image(holder, 'signature')) !== null };
  }

  @Put('users/:id/signing/credential')
  @upload()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Tải lên chứng thư số (.p12/.pfx, multipart `file`, `pin`) của một người' })
  async userCredential(@CurrentUser() caller: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() { pin }: CredentialUploadDto, @UploadedFile() file?: UploadedFileBytes) {
    return this.keys.upload(await this.userHolder(caller, id), file?.buffer, pin, caller.id);
  }

  @Put('users/:id/signing/image')
  @upload()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Tải lên ảnh chữ ký (PNG nền trong suốt, multipart `file`)' })
  async userImage(@CurrentUser() caller: AuthUser, @Param('id', ParseIdPipe) id: string, @UploadedFile() file?: UploadedFileBytes) {
    await this.keys.uploadImage(await this.userHolder(caller, id), 'signature', file?.buffer);
    return { image: true };
  }

  @Get('users/:id/signing/image')
  @ApiProduces('image/png')
  @ApiOperation({ summary: 'Ảnh chữ ký của một người (PNG), để quản trị viên xem lại' })
  async userImageFile(@CurrentUser() caller: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.imageFile(await this.userHolder(caller, id), 'signature');
  }

  @Get('organisations/:id/signing')
  @ApiOperation({ summary: 'Chứng thư số và con dấu của một tổ chức' })
  async organisationSigning(@CurrentUser() caller: AuthUser, @Param('id', ParseIdPipe) id: string) {
    const holder = await this.organisationHolder(caller, id);
    const seal = await this.keys.image(holder, 'seal');
    return { credential: await this.keys.info(holder), seal: seal && { diameterMm: seal.diameterMm } };
  }

  @Put('organisations/:id/signing/credential')
  @upload()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Tải lên chứng thư số của tổ chức (.p12/.pfx, multipart `file`, `pin`)' })
  async organisationCredential(@CurrentUser() caller: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() { pin }: CredentialUploadDto, @UploadedFile() file?: UploadedFileBytes) {
    return this.keys.upload(await this.organisationHolder(caller, id), file?.buffer, pin, caller.id);
  }

  @Put('organisations/:id/signing/seal')
  @upload()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Tải lên ảnh con dấu (PNG màu đỏ, nền trong suốt, multipart `file`, `diameterMm`)' })
  async organisationSeal(@CurrentUser() caller: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() { diameterMm }: SealUploadDto, @UploadedFile() file?: UploadedFileBytes) {
    await this.keys.uploadImage(await this.organisationHolder(caller, id), 'seal', file?.buffer, diameterMm);
    return { seal: { diameterMm } };
  }

  @Get('organisations/:id/signing/seal')
  @ApiProduces('image/png')
  @ApiOperation({ summary: 'Ảnh con dấu của một tổ chức (PNG), để quản trị viên xem lại' })
  async organisationSealFile(@CurrentUser() caller: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.imageFile(await this.organisationHolder(caller, id), 'seal');
  }

  private async imageFile(holder: KeyHolder, kind: SignatureImageKind): Promise<StreamableFile> {
    const image = await this.keys.image(holder, kind);
    if (!image) throw notFound(kind === 'seal' ? 'Tổ chức chưa có ảnh con dấu' : 'Người dùng chưa có ảnh chữ ký');
    return new StreamableFile(image.png, { type: 'image/png' });
  }

  /** 404 for a user the caller cannot see; 403 unless the caller administers the user's organisation. */
  private async userHolder(caller: AuthUser, id: string): Promise<KeyHolder> {
    const user = await this.em.findOne(User, id, { populate: ['organisation'] });
    if (!user) throw notFound('Không tìm thấy người dùng');
    assertCan(this.abilities.createForUser(caller), 'update', userSubject(user.organisation, user.roles), 'Chỉ quản trị viên của đơn vị mới quản lý chứng thư số của người dùng');
    return { user };
  }

  private async organisationHolder(caller: AuthUser, id: string): Promise<KeyHolder> {
    const organisation = await this.em.findOne(Organisation, id);
    if (!organisation) throw notFound('Không tìm thấy tổ chức');
    assertCan(this.abilities.createForUser(caller), 'update', organisationSubject(organisation), 'Chỉ quản trị viên của đơn vị mới quản lý chứng thư số của tổ chức');
    return { organisation };
  }
}
