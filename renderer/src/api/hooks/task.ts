import { useChannelMutation, type ChannelMutationOptions } from '../use-channel-mutation';

/** Asks main to cancel a task; `{cancelled:false}` means it was no longer running. Progress events follow. */
export const useCancelTask = (options: ChannelMutationOptions<'task', 'cancel'> = {}) =>
  useChannelMutation('task', 'cancel', options);
