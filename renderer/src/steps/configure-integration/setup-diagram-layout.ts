import { AUDIT_TABLES, SCHEMAS, STAGING_VOLUME, SYSTEM_CATALOG } from '../../../../shared/integration/integration-objects';

/**
 * The picture of what the set-up creates and grants, as positioned boxes and connectors: a pure function of the
 * form, so the diagram follows what is typed. Names come from the planner's own constants.
 */
export interface DiagramBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly label: string;
  /** A short word in the box: what it is, or what the service principal may do there. */
  readonly note: string;
  readonly kind: 'catalog' | 'schema' | 'volume' | 'principal' | 'grant';
}

export interface DiagramLayout {
  readonly boxes: readonly DiagramBox[];
  /** Elbow connectors: from the parent's left rail down, then right into the child. */
  readonly links: readonly { readonly x: number; readonly fromY: number; readonly toX: number; readonly toY: number }[];
  readonly width: number;
  readonly height: number;
  /** The same picture in words, for screen readers. */
  readonly description: string;
}

export const ROW = 40;
export const BOX_HEIGHT = 28;
/** Roughly how wide the 13 px label and 12 px note font draw a character (the SVG has no text measuring). */
const LABEL_CHAR = 7.8;
const NOTE_CHAR = 6.6;

/** The box's label, cut with an ellipsis where it would run into the note. */
export function fitLabel(box: Pick<DiagramBox, 'label' | 'note' | 'width'>): string {
  const max = Math.max(4, Math.floor((box.width - 24 - box.note.length * NOTE_CHAR) / LABEL_CHAR));
  return box.label.length > max ? `${box.label.slice(0, max - 1)}…` : box.label;
}

export interface DiagramInput {
  readonly catalog: string;
  readonly servicePrincipal: string;
  readonly governedCatalogs: readonly string[];
  readonly audit: boolean;
}

export function diagramLayout(input: DiagramInput): DiagramLayout {
  const catalog = input.catalog || 'integration catalog';
  const boxes: DiagramBox[] = [{ x: 10, y: 10, width: 250, label: catalog, note: 'catalog', kind: 'catalog' }];
  const links: { x: number; fromY: number; toX: number; toY: number }[] = [];
  let row = 1;
  for (const schema of Object.keys(SCHEMAS)) {
    const y = 10 + row++ * ROW;
    boxes.push({ x: 50, y, width: 210, label: schema, note: 'schema', kind: 'schema' });
    links.push({ x: 30, fromY: 10 + BOX_HEIGHT, toX: 50, toY: y + BOX_HEIGHT / 2 });
    if (schema === STAGING_VOLUME.schema) {
      const vy = 10 + row++ * ROW;
      boxes.push({ x: 90, y: vy, width: 170, label: STAGING_VOLUME.name, note: 'volume', kind: 'volume' });
      links.push({ x: 70, fromY: y + BOX_HEIGHT, toX: 90, toY: vy + BOX_HEIGHT / 2 });
    }
  }
  const leftRows = row;
  const sp = input.servicePrincipal || 'service principal';
  boxes.push({ x: 310, y: 10, width: 290, label: sp, note: 'runs as', kind: 'principal' });
  const targets: [string, string][] = [
    [catalog, 'read, write'],
    ...input.governedCatalogs.map((g): [string, string] => [g, 'govern']),
    ...(input.audit ? AUDIT_TABLES.map(([schema, table]): [string, string] => [`${SYSTEM_CATALOG}.${schema}.${table}`, 'read']) : []),
  ];
  targets.forEach(([label, note], i) => {
    const y = 10 + (i + 1) * ROW;
    boxes.push({ x: 350, y, width: 250, label, note, kind: 'grant' });
    links.push({ x: 330, fromY: 10 + BOX_HEIGHT, toX: 350, toY: y + BOX_HEIGHT / 2 });
  });
  const rows = Math.max(leftRows, targets.length + 1);
  const governed = input.governedCatalogs.length ? `governs ${input.governedCatalogs.join(', ')}` : 'governs no catalog yet';
  const description =
    `Catalog ${catalog} with schemas ${Object.keys(SCHEMAS).join(', ')} and the volume ${STAGING_VOLUME.schema}.${STAGING_VOLUME.name}. ` +
    `Service principal ${sp} reads and writes ${catalog}, ${governed}${input.audit ? ', and reads the audit system tables' : ''}.`;
  return { boxes, links, width: 610, height: 10 + rows * ROW, description };
}
