// The timeline methods by name, without the methods: the CLI offers and checks the names before it
// loads anything a timeline needs, so `--help` and a misspelt `--method` stay fast.
export const TIMELINE_METHOD_NAMES = ['datewise', 'clusters'] as const;

export type TimelineMethodName = (typeof TIMELINE_METHOD_NAMES)[number];

export const DEFAULT_METHOD_NAME: TimelineMethodName = 'datewise';

export function isTimelineMethodName(name: string): name is TimelineMethodName {
  return (TIMELINE_METHOD_NAMES as readonly string[]).includes(name);
}
