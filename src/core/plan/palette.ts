// The plan's colours. Rooms carry black labels, so fills are light: Paul Tol's "light" qualitative
// scheme (designed for map fills under text and distinguishable with the common colour-vision
// deficiencies) for categories, and ColorBrewer's YlOrBr (a single-hue ramp that stays ordered for
// every kind of colour vision) for area bands. Grey is kept for "none / unknown".

/** Tol's light scheme in his order (most distinct first), grey taken out: eight category colours. */
export const CATEGORY_COLOURS = ['#77AADD', '#EE8866', '#EEDD88', '#FFAABB', '#99DDFF', '#44BB99', '#BBCC33', '#AAAA00'] as const;

/** Rooms without a value for the chosen key (no category, no zone, area unknown). */
export const NONE_COLOUR = '#DDDDDD';

/** Rooms that fall in a category past the eighth: one shared colour, named "Other" in the legend. */
export const OTHER_COLOUR = '#FFFFFF';

/** YlOrBr, light to dark, for ordered bands (six steps; black text stays readable on the last). */
export const SEQUENTIAL_COLOURS = ['#FFF7BC', '#FEE391', '#FEC44F', '#FB9A29', '#EC7014', '#CC4C02'] as const;

export const INK = '#222222';
/** Room outlines: thin and dark enough to separate two rooms of the same colour. */
export const OUTLINE = '#555555';
export const SELECTION = '#0044CC';
export const HOVER = '#000000';
export const BACKGROUND = '#FFFFFF';
