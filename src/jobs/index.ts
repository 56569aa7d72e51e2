export {
  defineJob,
  JOB_STATE_LABELS,
  JOB_STATES,
  type JobContext,
  type JobDefinition,
  type JobFilter,
  JobRegistry,
  type JobState,
  type JobView,
  jobFilterSchema,
  jobViewSchema,
} from './definition.ts';
export { getJob, listJobs, markInterruptedJobs, retryJob, type SubmitOptions, submitJob } from './jobs.ts';
export { JobService } from './service.ts';
export { currentJob, type JobWorker, runJob, runPendingJobs, startJobWorker } from './worker.ts';
