import { EntityManager, RequestContext } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, OnApplicationBootstrap, Type } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { conflict, invalid } from '../common/app-error';
import { createValidationPipe } from '../common/validation';
import { APP_CONFIG, AppConfig, FirstAdminInput, RootOrganisationInput } from '../config/app-config';
import { CreateOrganisationDto } from '../organisations/dto/organisation.dto';
import { Organisation } from '../organisations/organisation.entity';
import { OrganisationsService } from '../organisations/organisations.service';
import { CreateUserDto } from './dto/user.dto';
import { User } from './user.entity';
import { Role } from '../core/roles';
import { UsersService } from './users.service';

/** Stricter than an ordinary account's: this one can do everything. */
export const FIRST_ADMIN_PASSWORD_MIN = 12;

/** The first administrator manages the whole system. */
const FIRST_ADMIN_ROLES: Role[] = ['sysadmin'];

/** Held while creating, so that of several instances starting on one empty database only one creates. */
const FIRST_ADMIN_LOCK_KEY = 7_420_003;

/** The installation itself, acting before any account exists, with a system administrator's rights. */
const INSTALLER_CAPACITY = { organisationId: '', organisationPath: '/', predecessorIds: [], roles: FIRST_ADMIN_ROLES };
const INSTALLER: AuthUser = { id: 'installer', username: 'installer', fullName: 'Cài đặt', ...INSTALLER_CAPACITY, capacities: [{ ...INSTALLER_CAPACITY, title: null }] };

/**
 * Creates the first administrator, in the root organisation, through the ordinary services and their
 * validation: from `npm run create-admin`, or at start from INITIAL_ADMIN_* when no user exists yet.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminService.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.initialAdmin) return;
    const admin = await this.create(this.config.initialAdmin, { onlyIfNoUser: true });
    if (admin) this.logger.log(`Đã tạo quản trị viên đầu tiên "${admin.username}" (INITIAL_ADMIN_USERNAME)`);
  }

  /** Answers null when `onlyIfNoUser` and some account already exists. */
  async create(input: FirstAdminInput, { onlyIfNoUser = false } = {}): Promise<User | null> {
    if (input.password.length < FIRST_ADMIN_PASSWORD_MIN) {
      throw invalid({ password: `mật khẩu quản trị viên đầu tiên phải có ít nhất ${FIRST_ADMIN_PASSWORD_MIN} ký tự` });
    }
    return RequestContext.create(this.em, () =>
      this.em.transactional(async (em) => {
        await em.execute('select pg_advisory_xact_lock(?)', [FIRST_ADMIN_LOCK_KEY]);
        if (onlyIfNoUser && (await em.count(User)) > 0) return null;
        if ((await em.count(User, { username: input.username })) > 0) {
          throw conflict('USERNAME_TAKEN', `Tên đăng nhập "${input.username}" đã có người dùng`);
        }
        const organisation = await this.rootOrganisation(em, input.organisation);
        const dto = { username: input.username, fullName: input.fullName, password: input.password, organisationId: organisation.id, roles: FIRST_ADMIN_ROLES };
        return this.users.create(INSTALLER, await validated(CreateUserDto, dto));
      }),
    );
  }

  /** The existing root (the one named, if several), or a new one from the fields given. */
  private async rootOrganisation(em: EntityManager, wanted: RootOrganisationInput | null): Promise<Organisation> {
    const roots = await em.find(Organisation, { parent: null }, { orderBy: { name: 'ASC' } });
    if (!roots.length) {
      if (!wanted) throw invalid({ organisation: 'cơ sở dữ liệu chưa có tổ chức nào: cần tên, ký hiệu và địa danh của tổ chức gốc' });
      return this.organisations.create(INSTALLER, await validated(CreateOrganisationDto, rootOrganisationFields(wanted)));
    }
    const root = wanted ? roots.find((r) => r.name === wanted.name) : roots.length === 1 ? roots[0] : undefined;
    if (!root) throw invalid({ organisation: `chọn một tổ chức gốc đã có: ${roots.map((r) => `"${r.name}"`).join(', ')}` });
    return root;
  }
}

/**
 * A root committee from the three fields that cannot be guessed; the others take the usual values
 * of a provincial committee's standing board, and the administrator corrects them in the admin UI.
 */
function rootOrganisationFields({ name, symbol, place }: RootOrganisationInput): CreateOrganisationDto {
  return {
    name, shortName: name, bodyName: 'BAN THƯỜNG TRỰC', symbol, place,
    signatureAuthority: 'TM. BAN THƯỜNG TRỰC', signerTitle: 'CHỦ TỊCH', kind: 'committee', level: 'province',
  };
}

/** The same checks, with the same Vietnamese messages, as a request body gets. */
function validated<T extends object>(dto: Type<T>, value: T): Promise<T> {
  return createValidationPipe().transform(value, { type: 'body', metatype: dto });
}
