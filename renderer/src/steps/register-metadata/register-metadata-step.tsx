import { SubStepNav } from '../../ui/sub-step-nav';
import { useMetadataStatus, usePrefetchChildren } from '../../api/hooks/metadata';
import '../configure-integration/configure-integration.css';
import '../configure-integration/sql-plan.css';
import { SignInFirst } from '../sign-in-first';
import type { StepProps } from '../step-types';
import { WhatItWillDo } from '../what-it-will-do';
import { ChangesPart } from './changes/changes-part';
import { CrawlPanel } from './crawl/crawl-panel';
import './register-metadata.css';
import { PicturesPart } from './pictures-part';
import { ROOT_PAGE } from './picker/tree-model';
import { pickTable } from './picked-object';
import { SelectPart } from './select-part';
import { isRegisterSubStep, REGISTER_SUB_STEPS, type RegisterSubStep } from './status';
import { TagsPart } from './tags/tags-part';
import { assertNever } from '../../../../shared/result';

/** Step 4: crawl, select by rules and register, re-crawl changes, publish tags. */
export default function RegisterMetadataStep({ meta, status, context, goTo, subStep, goToSubStep }: StepProps) {
  const metadata = useMetadataStatus(status !== 'locked');
  usePrefetchChildren(ROOT_PAGE, metadata.data?.snapshot != null);
  if (status === 'locked') {
    return (
      <>
        <SignInFirst goTo={goTo} />
        <WhatItWillDo meta={meta} />
      </>
    );
  }
  const current: RegisterSubStep = isRegisterSubStep(subStep) ? subStep : REGISTER_SUB_STEPS[0].id;
  const items = REGISTER_SUB_STEPS.map((s) => ({ id: s.id, title: s.title, status: meta.subStepStatus?.(context, s.id) ?? status }));
  const needsIntegration = context.facts.integration && context.facts.integration.status !== 'enabled';
  const openLineage = (fullName: string) => {
    pickTable(fullName);
    goToSubStep('pictures');
  };
  const part = () => {
    if (current === 'crawl') return <CrawlPanel />;
    if (!metadata.data) return metadata.isError ? <p className="notice">The local index could not be read: {metadata.error.message}</p> : <p className="rm-muted">Reading the local index…</p>;
    if (metadata.data.snapshot === null)
      return (
        <p className="notice" data-testid="rm-crawl-first">
          Crawl first (part 1): everything here works on the snapshot a crawl makes.
        </p>
      );
    switch (current) {
      case 'select':
        return <SelectPart status={metadata.data} onOpenLineage={openLineage} />;
      case 'changes':
        return <ChangesPart status={metadata.data} />;
      case 'tags':
        return <TagsPart />;
      case 'pictures':
        return <PicturesPart />;
      default:
        return assertNever(current, 'sub-step');
    }
  };
  return (
    <div className="rm-step">
      <SubStepNav stepTitle={meta.title} items={items} current={current} onSelect={goToSubStep} />
      {needsIntegration ? (
        <p className="notice" data-testid="rm-needs-integration">
          Set up the integration first (Configure integration): the crawl runs on its SQL warehouse and registration writes into its catalog.
        </p>
      ) : null}
      {part()}
    </div>
  );
}
