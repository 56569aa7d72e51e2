/** Every kind of background job, in one registry: kinds are unique across Trede. */

import { budgetImpactJob } from '../budget/index.ts';
import type { Db } from '../db/index.ts';
import { JobRegistry, JobService } from '../jobs/index.ts';
import { registryImportJob } from '../registry/index.ts';
import { settlementRunJob } from '../settlement/index.ts';

export const jobRegistry = new JobRegistry([registryImportJob, settlementRunJob, budgetImpactJob]);

export function jobService(db: Db): JobService {
  return new JobService(db, jobRegistry);
}
