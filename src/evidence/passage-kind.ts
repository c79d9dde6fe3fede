/** How a passage was copied: the same words (after normalisation), or words changed, added or dropped. */
export type PassageKind = 'verbatim' | 'edited';
