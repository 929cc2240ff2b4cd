// One style sheet for the whole window: quiet, readable, with the storey rows and the toolbar set
// apart. Colours chosen to stay legible on the default Fusion palette.
export const APP_STYLE = `
#toolbar { border-bottom: 1px solid #c8c8c8; background: #f4f5f7; }
#toolbarSeparator { background: #c8c8c8; margin: 0 4px; }
#detailsTitle { font-size: 15pt; font-weight: bold; padding: 2px 0; }
#detailsSubtitle { color: #555; }
#spaceCount { color: #444; padding: 2px 0; }
#statusMemory { color: #555; padding: 0 6px; }
#boundaryTotals { color: #333; padding: 2px 0; }
`;
