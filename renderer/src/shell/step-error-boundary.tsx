import { Component, type ReactNode } from 'react';
import { ErrorView } from '../errors/error-view';

interface Props {
  readonly stepTitle: string;
  readonly children: ReactNode;
}

/** A step that fails to load or render shows an error view in its place; the header and other steps keep working. */
export class StepErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorView
        action={`Show “${this.props.stepTitle}”`}
        error={{
          code: 'INTERNAL',
          message: 'This step could not be shown.',
          hint: 'Go to another step and back, or restart ucbridge. Copy the details if it keeps happening.',
        }}
        onDismiss={() => this.setState({ failed: false })}
      />
    );
  }
}
