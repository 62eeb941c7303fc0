import type { MetadataStatus } from '../../../../../shared/contract/metadata';
import { toAppError } from '../../../api/client-error';
import { useSaveRules } from '../../../api/hooks/metadata';
import { reportError } from '../../../errors/error-store';
import { announce } from '../../../status/announcer';
import { Button } from '../../../ui/button';
import { AddRuleForm } from './add-rule-form';
import { RuleList } from './rule-list';
import { removePattern, removeTagRule, tagRuleText } from './rule-edit';
import type { RulesDraft } from './rules-draft';

const n = (v: number): string => v.toLocaleString('en');

/**
 * The selection as rules, not a list of objects, so objects created later follow them: patterns and tags to
 * include or exclude, which ones are active, the default state of new objects, and forceRecursiveCrawl.
 */
export function RulesPanel({ status, draft }: { readonly status: MetadataStatus; readonly draft: RulesDraft }) {
  const { rules } = draft;
  const save = useSaveRules({
    onSuccess: (s) => {
      draft.discard();
      announce(`Rules saved: ${n(s.selected.tables)} tables selected, ${n(s.selected.active)} active.`);
    },
    onError: (e) => reportError('Save the selection rules', toAppError(e)),
  });
  const s = status.selected;
  return (
    <section className="rm-rules" aria-labelledby="rm-rules-title" data-testid="rm-rules">
      <h3 id="rm-rules-title" className="rm-subtitle">
        Selection rules
      </h3>
      <p data-testid="rm-selected">
        The saved rules register <strong>{n(s.tables)}</strong> tables in {n(s.schemas)} schemas of {n(s.catalogs)} catalogs; <strong>{n(s.active)}</strong> of them
        active.
      </p>
      <div className="rm-rule-grid">
        <RuleList title="Include" testId="rm-rules-include" items={rules.include} empty="Nothing included yet." onRemove={(p) => draft.edit((r) => removePattern(r, 'include', p))} />
        <RuleList title="Exclude" testId="rm-rules-exclude" items={rules.exclude} empty="Nothing excluded." onRemove={(p) => draft.edit((r) => removePattern(r, 'exclude', p))} />
        <RuleList title="Active" testId="rm-rules-activate" items={rules.activate} empty="No active patterns." onRemove={(p) => draft.edit((r) => removePattern(r, 'activate', p))} />
        <RuleList title="Inactive" testId="rm-rules-deactivate" items={rules.deactivate} empty="No inactive patterns." onRemove={(p) => draft.edit((r) => removePattern(r, 'deactivate', p))} />
        <RuleList
          title="Include tags"
          testId="rm-rules-include-tags"
          items={rules.includeTags.map(tagRuleText)}
          empty="No tag rules."
          onRemove={(t) => draft.edit((r) => removeTagRule(r, 'includeTags', r.includeTags.find((x) => tagRuleText(x) === t)!))}
        />
        <RuleList
          title="Exclude tags"
          testId="rm-rules-exclude-tags"
          items={rules.excludeTags.map(tagRuleText)}
          empty="No tag rules."
          onRemove={(t) => draft.edit((r) => removeTagRule(r, 'excludeTags', r.excludeTags.find((x) => tagRuleText(x) === t)!))}
        />
      </div>
      <AddRuleForm draft={draft} />
      <fieldset className="rm-choice">
        <legend>New objects start</legend>
        <label className="checkbox">
          <input type="radio" name="rm-default" checked={!rules.defaultActive} onChange={() => draft.edit((r) => ({ ...r, defaultActive: false }))} data-testid="rm-default-inactive" />
          Inactive (recommended: known, not governed until activated)
        </label>
        <label className="checkbox">
          <input type="radio" name="rm-default" checked={rules.defaultActive} onChange={() => draft.edit((r) => ({ ...r, defaultActive: true }))} data-testid="rm-default-active" />
          Active
        </label>
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={rules.forceRecursiveCrawl} onChange={(e) => draft.edit((r) => ({ ...r, forceRecursiveCrawl: e.currentTarget.checked }))} data-testid="rm-force-recursive" />
        Crawl inside inactive objects too (forceRecursiveCrawl; what is under an inactive object is registered inactive)
      </label>
      <div className="rm-actions">
        <Button
          className="button button--primary"
          busy={save.isPending}
          disabledReason={draft.dirty ? undefined : 'Nothing changed since the rules were saved.'}
          onClick={() => save.mutate({ rules })}
          data-testid="rm-save-rules"
        >
          {save.isPending ? 'Saving…' : 'Save the rules'}
        </Button>
        {draft.dirty ? (
          <button type="button" className="button button--quiet" onClick={draft.discard} data-testid="rm-discard-rules">
            Discard changes
          </button>
        ) : null}
      </div>
    </section>
  );
}
