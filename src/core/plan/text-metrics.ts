// How wide a label is, so placement can tell whether it fits before any back end draws it. The plan
// is set in DejaVu Sans (shipped with the app through the dejavu-fonts-ttf package and used by the
// PNG renderer); these are its advance widths for printable ASCII, in font units (2048 per em),
// read from the font with fontkit. Accented letters take their base letter's width; anything else
// counts a full em, which errs on the side of dropping a label rather than letting it spill.

const REGULAR = [651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087, 2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612, 1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716];
const BOLD = [713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778, 748, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 819, 819, 1716, 1716, 1716, 1188, 2048, 1585, 1561, 1503, 1700, 1399, 1399, 1681, 1714, 762, 762, 1587, 1305, 2038, 1714, 1741, 1501, 1741, 1577, 1475, 1397, 1663, 1585, 2259, 1579, 1483, 1485, 936, 748, 936, 1716, 1024, 1024, 1382, 1466, 1214, 1466, 1389, 891, 1466, 1458, 702, 702, 1362, 702, 2134, 1458, 1407, 1466, 1466, 1010, 1219, 979, 1458, 1335, 1892, 1321, 1335, 1192, 1458, 748, 1458, 1716];
const SPECIAL: Record<string, [number, number]> = { '²': [821, 897], '…': [2048, 2048], 'ß': [1290, 1473], '–': [1024, 1024], '—': [2048, 2048] };
const EM = 2048;

export const PLAN_FONT_FAMILY = 'DejaVu Sans';

/** Width in pixels of `text` set at `fontPx`. */
export type TextMeasure = (text: string, fontPx: number, bold?: boolean) => number;

function advance(ch: string, bold: boolean): number {
  const code = ch.codePointAt(0)!;
  if (code >= 32 && code < 127) return (bold ? BOLD : REGULAR)[code - 32];
  const special = SPECIAL[ch];
  if (special) return special[bold ? 1 : 0];
  const base = ch.normalize('NFD')[0];
  if (base !== ch && base.codePointAt(0)! >= 32 && base.codePointAt(0)! < 127) return advance(base, bold);
  return EM;
}

export const dejaVuWidth: TextMeasure = (text, fontPx, bold = false) => {
  let units = 0;
  for (const ch of text) units += advance(ch, bold);
  return (units / EM) * fontPx;
};
