// The choices a plan is drawn with, as plain lists: which key colours the rooms and which way is up.
// Apart from the code that draws, so the command line can offer them without loading it (the
// colour schemes pull in the collator and the scene polygon clipping: ~25 ms at every CLI start).
export const COLOUR_KEYS = ['category', 'department', 'zone', 'area', 'findings', 'notes'] as const;
export type ColourKey = (typeof COLOUR_KEYS)[number];

/**
 * How the plan is turned on the page: `aligned` squares the building's prevailing wall direction
 * with the page (a grid at 24° is read as a grid), `model` keeps the model's X right and Y up,
 * `north` puts true north up. The north arrow always shows true north.
 */
export const PLAN_ORIENTATIONS = ['aligned', 'model', 'north'] as const;
export type PlanOrientation = (typeof PLAN_ORIENTATIONS)[number];
