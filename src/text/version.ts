/**
 * Version of the text normalisation: what tokens and shingle hashes a text
 * gives. Saved indexes record it; any change to tokens or hashes must bump it,
 * since old signatures would no longer match new documents.
 */
export const NORMALIZATION_VERSION = 1;
