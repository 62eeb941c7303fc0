import { randomBytes } from 'node:crypto';
import type { WarehouseState, WarehouseStates } from '../../contracts';
import { defaultWarehouseAcl, type WarehouseAclEntry } from './warehouse-acl';

export interface WarehouseRecord {
  /** 16 hex characters, like Databricks warehouse ids. */
  readonly id: string;
  readonly name: string;
  readonly clusterSize: string;
  readonly autoStopMins: number;
  readonly creatorName: string;
  readonly state: WarehouseState;
  /** Its direct permissions; part of the record so `--data-dir` keeps them with the warehouse. */
  readonly acl: readonly WarehouseAclEntry[];
}

/** A state saved before warehouses had permissions has no `acl`: it gets the default, as a new warehouse does. */
export type NewWarehouse = Omit<WarehouseRecord, 'id' | 'acl'> & { readonly id?: string; readonly acl?: readonly WarehouseAclEntry[] };

/**
 * The workspace's SQL warehouses and their lifecycle. Start and stop are asynchronous like Databricks' (the API
 * returns at once; clients poll `state`, unity-catalog-scim-rest.md §4.11): STOPPED → STARTING → RUNNING after the
 * configured delay, RUNNING → STOPPING → STOPPED.
 */
export class WarehouseRegistry implements WarehouseStates {
  private readonly records = new Map<string, WarehouseRecord>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly listeners = new Set<() => void>();

  constructor(
    initial: readonly NewWarehouse[],
    private startDelayMs: number,
  ) {
    for (const w of initial) {
      // A persisted transition finishes as if the sandbox had kept running.
      const state = w.state === 'STARTING' ? 'RUNNING' : w.state === 'STOPPING' ? 'STOPPED' : w.state;
      const id = w.id ?? randomBytes(8).toString('hex');
      this.records.set(id, { ...w, id, state, acl: w.acl ?? defaultWarehouseAcl(w.creatorName) });
    }
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(warehouseId: string): WarehouseState | undefined {
    return this.records.get(warehouseId)?.state;
  }

  get(warehouseId: string): WarehouseRecord | undefined {
    return this.records.get(warehouseId);
  }

  list(): readonly WarehouseRecord[] {
    return [...this.records.values()];
  }

  setStartDelay(ms: number): void {
    this.startDelayMs = ms;
  }

  /** No-op unless STOPPED or STOPPING (Databricks accepts start on a running warehouse). */
  start(warehouseId: string): boolean {
    const w = this.records.get(warehouseId);
    if (!w) return false;
    if (w.state === 'STOPPED' || w.state === 'STOPPING') {
      this.transition(warehouseId, 'STARTING', 'RUNNING', this.startDelayMs);
    }
    return true;
  }

  stop(warehouseId: string): boolean {
    const w = this.records.get(warehouseId);
    if (!w) return false;
    if (w.state === 'RUNNING' || w.state === 'STARTING') {
      this.transition(warehouseId, 'STOPPING', 'STOPPED', Math.min(this.startDelayMs, 500));
    }
    return true;
  }

  /** Replaces the warehouse's permissions (the routes check who may); false for an unknown warehouse. */
  setAcl(warehouseId: string, acl: readonly WarehouseAclEntry[]): boolean {
    const w = this.records.get(warehouseId);
    if (!w) return false;
    this.records.set(warehouseId, { ...w, acl });
    for (const listener of this.listeners) listener();
    return true;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private transition(id: string, via: WarehouseState, to: WarehouseState, delayMs: number): void {
    clearTimeout(this.timers.get(id));
    this.setState(id, via);
    const timer = setTimeout(() => {
      this.timers.delete(id);
      this.setState(id, to);
    }, delayMs);
    timer.unref();
    this.timers.set(id, timer);
  }

  private setState(id: string, state: WarehouseState): void {
    const w = this.records.get(id);
    if (!w) return;
    this.records.set(id, { ...w, state });
    for (const listener of this.listeners) listener();
  }
}
