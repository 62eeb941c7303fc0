import { CoverageView } from './pictures/coverage-view';
import { LineageView } from './pictures/lineage-view';
import { pickTable, usePickedTable } from './picked-object';

/** Sub-step "Lineage & coverage": the graph around the table picked in the picker (or chosen here), and the chart. */
export function PicturesPart() {
  const table = usePickedTable();
  return (
    <>
      <LineageView table={table} onPickTable={pickTable} />
      <CoverageView />
    </>
  );
}
