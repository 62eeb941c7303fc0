import { CircleCheck, CircleDashed } from 'lucide-react';
import type { TreeNode } from '../../../../../shared/metadata/index-views';
import { Badge } from '../../../ui/badge';

/** Whether the saved rules register an object, and as active (governed) or inactive (known only). */
export function SelectionBadge({ state }: { readonly state: TreeNode['selection'] }) {
  if (state === null) return null;
  return state === 'active' ? (
    <Badge tone="success" icon={CircleCheck}>
      Active
    </Badge>
  ) : (
    <Badge tone="neutral" icon={CircleDashed}>
      Inactive
    </Badge>
  );
}
