/**
 * The REST API under /api/v1: every route declares its request and response schemas, from which
 * the OpenAPI 3.1 document is generated. Handlers are thin: validate, call a command or query,
 * return its view.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { toFieldIssues } from '../commands/index.ts';
import { ForbiddenError, ValidationError } from '../domain/index.ts';
import type { AppEnv } from '../http/index.ts';
import { checkCsrf, HEAVY_CONCURRENT, HEAVY_QUEUE, limitConcurrency, Semaphore } from '../http/index.ts';
import { toErrorResponse } from './errors.ts';
import { registerAuditRoutes } from './routes/audit.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerBudgetRoutes } from './routes/budget.ts';
import { registerDossierRoutes } from './routes/dossiers.ts';
import { registerInspectionRoutes } from './routes/inspection.ts';
import { registerJobRoutes } from './routes/jobs.ts';
import { registerMonitorRoutes } from './routes/monitor.ts';
import { registerOrganisationRoutes } from './routes/organisations.ts';
import { registerPlanRoutes } from './routes/plans.ts';
import { registerRegistryRoutes } from './routes/registry.ts';
import { registerRulesRoutes } from './routes/rules.ts';
import { registerSettlementRoutes } from './routes/settlement.ts';
import { registerUserRoutes } from './routes/users.ts';

export const API_VERSION = '1.0.0';

const ONE_TIME_PASSWORD_ROUTES = /\/auth\/(password|logout|me)$/;

export function createApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === 'json' ? '' : `${result.target}.`;
        throw new ValidationError(toFieldIssues(result.error).map((i) => ({ ...i, path: where + i.path })));
      }
    },
  });
  api.onError(toErrorResponse);
  api.use('*', async (c, next) => {
    await checkCsrf(c);
    // Signed in with a one-time password: only replacing it (and signing out) is allowed.
    if (c.var.auth?.user.mustChangePassword && !ONE_TIME_PASSWORD_ROUTES.test(c.req.path)) {
      throw new ForbiddenError(
        'U bent aangemeld met een eenmalig wachtwoord; kies eerst een eigen wachtwoord (POST /api/v1/auth/password).',
        'password_change_required',
      );
    }
    await next();
  });

  // Heavy anonymous work waits its turn (open data, populations); a full queue is a 503 at once.
  const heavy = limitConcurrency(new Semaphore(HEAVY_CONCURRENT, HEAVY_QUEUE));
  api.use('/open/*', heavy);
  api.use('/simulate', heavy);

  registerAuthRoutes(api);
  registerUserRoutes(api);
  registerOrganisationRoutes(api);
  registerRegistryRoutes(api);
  registerAuditRoutes(api);
  registerRulesRoutes(api);
  registerDossierRoutes(api);
  registerMonitorRoutes(api);
  registerJobRoutes(api);
  registerBudgetRoutes(api);
  registerInspectionRoutes(api);
  registerPlanRoutes(api);
  registerSettlementRoutes(api);

  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description:
      'Een API-token (`trd_…`), aan te maken met `npx trede users token` of POST /api/v1/auth/tokens.',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'trede_sessie',
    description: 'De sessiecookie van de webtoepassing; schrijfverzoeken vragen ook de header X-CSRF-Token.',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Trede API',
      version: API_VERSION,
      description:
        'Het open platform voor werk en sociale economie in Vlaanderen: regelgeving als code, register, dossiers en monitor. ' +
        'Fouten hebben de vorm `{ "error": { "code", "message", "details" } }`.',
    },
    servers: [{ url: '/api/v1' }],
  });
  return api;
}
