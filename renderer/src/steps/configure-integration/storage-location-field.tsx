import { STORAGE_LOCATION_RULE, StorageLocationSchema } from '../../../../shared/integration/config';
import { Field } from '../../ui/field';

export interface StorageLocationFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** From the last refused save. */
  readonly problem: string | undefined;
}

/** Optional managed storage for the integration catalog (`CREATE CATALOG … MANAGED LOCATION`). */
export function StorageLocationField({ value, onChange, problem }: StorageLocationFieldProps) {
  const typed = value.trim() === '' || StorageLocationSchema.safeParse(value).success ? undefined : `Use ${STORAGE_LOCATION_RULE}.`;
  return (
    <Field
      label="Managed storage location (optional)"
      value={value}
      onChange={onChange}
      testId="ci-storage-location"
      placeholder="s3://bucket/path"
      problem={typed ?? problem}
      help="Where the integration catalog keeps its tables and staging volume. Leave it empty to use the metastore’s root storage; a metastore without one (as on workspaces enabled for Unity Catalog automatically) needs a location here, inside an external location on which you hold CREATE MANAGED STORAGE. Validation checks which applies."
    />
  );
}
