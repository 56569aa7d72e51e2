export {
  type AuditEntry,
  type AuditEventView,
  type AuditFilter,
  auditEventViewSchema,
  listAuditEvents,
  writeAudit,
} from './audit.ts';
