export function claimFindings() { return []; }
