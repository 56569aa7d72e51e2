/**
 * Payment files, pure: one credit transfer per organisation and run, with a Belgian structured
 * communication (OGM/VCS, +++123/4567/89012+++, mod-97) derived from the run and the KBO number;
 * the SEPA credit transfer message pain.001.001.03 (the ISO 20022 version the Belgian banks take,
 * Febelfin implementation guidelines) built with xmlbuilder2, and the same payments as CSV.
 *
 * Why xmlbuilder2 and not the `sepa` package: sepa 3.0.0 writes the structured remittance as
 * Tp/CdorPrtry/{Cd,Issr,Ref}, which the pain.001.001.03 schema rejects (CdOrPrtry; Issr under Tp;
 * Ref under CdtrRefInf), and it sums amounts as floating-point euros. Here amounts stay cents.
 */
import { createHash } from 'node:crypto';
import { create } from 'xmlbuilder2';
import { type Cents, money } from '../domain/index.ts';

export const PAIN_VERSION = 'pain.001.001.03';
const NS = `urn:iso:std:iso:20022:tech:xsd:${PAIN_VERSION}`;

export interface PaymentOrder {
  kbo: string;
  name: string;
  iban: string;
  bic: string | null;
  amount: Cents;
  /** 12 digits: 10 of the reference + 2 check digits. */
  reference: string;
  endToEndId: string;
}

export interface Debtor {
  name: string;
  iban: string;
  bic: string | null;
}

export interface PaymentFile {
  messageId: string;
  created: Date;
  executionDate: string;
  debtor: Debtor;
  orders: PaymentOrder[];
}

/** The two check digits of a Belgian structured communication: base mod 97, 0 → 97. */
export function ogmCheck(base10: string): string {
  const r = Number(BigInt(base10) % 97n);
  return String(r === 0 ? 97 : r).padStart(2, '0');
}

/** A valid 12-digit structured communication for run and organisation (salt only on a clash). */
export function structuredReference(runId: string, kbo: string, salt = 0): string {
  const h = createHash('sha256').update(`${runId}|${kbo}|${salt}`).digest();
  const base = (h.readBigUInt64BE(0) % 10_000_000_000n).toString().padStart(10, '0');
  return base + ogmCheck(base);
}

export function isValidOgm(ref: string): boolean {
  const d = ref.replace(/\D/g, '');
  return d.length === 12 && ogmCheck(d.slice(0, 10)) === d.slice(10);
}

/** +++123/4567/89012+++ as printed on a Belgian transfer. */
export const formatOgm = (ref: string) => `+++${ref.slice(0, 3)}/${ref.slice(3, 7)}/${ref.slice(7, 12)}+++`;

/** The SEPA character set (EPC): Latin letters, digits and / - ? : ( ) . , ' + space. */
export function sepaText(value: string, max: number): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, '+')
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

export const controlSum = (orders: readonly PaymentOrder[]): Cents =>
  money.cents(orders.reduce((s, o) => s + o.amount, 0));

const amount = (c: Cents) => money.toEuroString(c);

/** The pain.001.001.03 document: one PmtInf (the run), one CdtTrfTxInf per organisation. */
export function painXml(file: PaymentFile): string {
  const sum = amount(controlSum(file.orders));
  const n = String(file.orders.length);
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS, 'Document', {
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  });
  const root = doc.ele('CstmrCdtTrfInitn');
  const hdr = root.ele('GrpHdr');
  hdr.ele('MsgId').txt(file.messageId);
  hdr.ele('CreDtTm').txt(file.created.toISOString().slice(0, 19));
  hdr.ele('NbOfTxs').txt(n);
  hdr.ele('CtrlSum').txt(sum);
  hdr.ele('InitgPty').ele('Nm').txt(sepaText(file.debtor.name, 70));
  const inf = root.ele('PmtInf');
  inf.ele('PmtInfId').txt(file.messageId);
  inf.ele('PmtMtd').txt('TRF');
  inf.ele('BtchBookg').txt('true');
  inf.ele('NbOfTxs').txt(n);
  inf.ele('CtrlSum').txt(sum);
  inf.ele('PmtTpInf').ele('SvcLvl').ele('Cd').txt('SEPA');
  inf.ele('ReqdExctnDt').txt(file.executionDate);
  inf.ele('Dbtr').ele('Nm').txt(sepaText(file.debtor.name, 70));
  const acct = inf.ele('DbtrAcct');
  acct.ele('Id').ele('IBAN').txt(file.debtor.iban);
  acct.ele('Ccy').txt('EUR');
  const agt = inf.ele('DbtrAgt').ele('FinInstnId');
  if (file.debtor.bic) agt.ele('BIC').txt(file.debtor.bic);
  else agt.ele('Othr').ele('Id').txt('NOTPROVIDED');
  inf.ele('ChrgBr').txt('SLEV');
  for (const o of file.orders) {
    const tx = inf.ele('CdtTrfTxInf');
    const id = tx.ele('PmtId');
    id.ele('InstrId').txt(o.endToEndId);
    id.ele('EndToEndId').txt(o.endToEndId);
    tx.ele('Amt').ele('InstdAmt', { Ccy: 'EUR' }).txt(amount(o.amount));
    if (o.bic) tx.ele('CdtrAgt').ele('FinInstnId').ele('BIC').txt(o.bic);
    tx.ele('Cdtr').ele('Nm').txt(sepaText(o.name, 70));
    tx.ele('CdtrAcct').ele('Id').ele('IBAN').txt(o.iban);
    const ref = tx.ele('RmtInf').ele('Strd').ele('CdtrRefInf');
    const tp = ref.ele('Tp');
    tp.ele('CdOrPrtry').ele('Cd').txt('SCOR');
    tp.ele('Issr').txt('BBA');
    ref.ele('Ref').txt(o.reference);
  }
  return doc.end({ prettyPrint: true });
}

const csvCell = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The same payments as CSV (comma-separated, amounts with a decimal point, UTF-8). */
export function paymentCsv(file: PaymentFile): string {
  const head = ['kbo', 'naam', 'iban', 'bic', 'bedrag', 'mededeling', 'end_to_end_id', 'uitvoeringsdatum'];
  const rows = file.orders.map((o) =>
    [
      o.kbo,
      o.name,
      o.iban,
      o.bic ?? '',
      amount(o.amount),
      formatOgm(o.reference),
      o.endToEndId,
      file.executionDate,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[head.join(','), ...rows].join('\n')}\n`;
}
