export {
  type AuditEntry,
  type AuditEventView,
  type AuditFilter,
  listAuditEvents,
  writeAudit,
} from './audit.ts';
