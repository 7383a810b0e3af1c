// ANSI SGR colours of a log line as DOM nodes (text nodes and spans, never HTML): 30–37, 90–97
// and their backgrounds as classes, 38;5;n / 48;5;n and 38;2;r;g;b as colours, bold, dim,
// italic, underline, 0 reset. Other escape sequences are dropped.

// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[([0-9;:]*)([A-Za-z])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/** A fresh state: what the SGR codes so far have set. The state carries from line to line. */
export function ansiState() {
  return {fg: null, bg: null, bold: false, dim: false, italic: false, underline: false};
}

/** The line without escape sequences: what a search looks in. */
export function plain(text) {
  return text.indexOf('\x1b') < 0 ? text : text.replace(ESCAPES, '');
}

/** The line's pieces: [{text, state}], the state (changed in place) ready for the next line. */
export function segments(text, state) {
  const out = [];
  if (text.indexOf('\x1b') < 0) {
    if (text) out.push({text, style: snapshot(state)});
    return out;
  }
  let last = 0;
  ESCAPES.lastIndex = 0;
  let m;
  while ((m = ESCAPES.exec(text)) !== null) {
    if (m.index > last) out.push({text: text.slice(last, m.index), style: snapshot(state)});
    if (m[2] === 'm') sgr(m[1], state);
    last = ESCAPES.lastIndex;
  }
  if (last < text.length) out.push({text: text.slice(last), style: snapshot(state)});
  return out;
}

function snapshot(state) {
  return state.fg === null && state.bg === null && !state.bold && !state.dim && !state.italic
    && !state.underline ? null : {...state};
}

function sgr(params, state) {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((c) => (c === '' ? 0 : Number(c)));
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 0) Object.assign(state, ansiState());
    else if (c === 1) state.bold = true;
    else if (c === 2) state.dim = true;
    else if (c === 3) state.italic = true;
    else if (c === 4) state.underline = true;
    else if (c === 22) { state.bold = false; state.dim = false; }
    else if (c === 23) state.italic = false;
    else if (c === 24) state.underline = false;
    else if (c >= 30 && c <= 37) state.fg = c - 30;
    else if (c >= 90 && c <= 97) state.fg = c - 90 + 8;
    else if (c === 39) state.fg = null;
    else if (c >= 40 && c <= 47) state.bg = c - 40;
    else if (c >= 100 && c <= 107) state.bg = c - 100 + 8;
    else if (c === 49) state.bg = null;
    else if (c === 38 || c === 48) {
      let colour = null;
      if (codes[i + 1] === 5 && i + 2 < codes.length) {
        colour = codes[i + 2];
        i += 2;
      } else if (codes[i + 1] === 2 && i + 4 < codes.length) {
        colour = `rgb(${clamp(codes[i + 2])}, ${clamp(codes[i + 3])}, ${clamp(codes[i + 4])})`;
        i += 4;
      } else {
        break;
      }
      if (c === 38) state.fg = colour;
      else state.bg = colour;
    }
  }
}

function clamp(n) {
  return Math.max(0, Math.min(255, n | 0));
}

/** A colour of the 256-colour palette beyond the first 16, as CSS. */
function palette(n) {
  if (n < 232) {
    const v = [0, 95, 135, 175, 215, 255];
    const i = n - 16;
    return `rgb(${v[Math.floor(i / 36)]}, ${v[Math.floor(i / 6) % 6]}, ${v[i % 6]})`;
  }
  const g = 8 + (n - 232) * 10;
  return `rgb(${g}, ${g}, ${g})`;
}

/** A text node, or a span with the classes and colours of the style. */
export function styled(text, style) {
  if (!style) return document.createTextNode(text);
  const span = document.createElement('span');
  span.textContent = text;
  colour(span, style.fg, 'fg');
  colour(span, style.bg, 'bg');
  if (style.bold) span.classList.add('b');
  if (style.dim) span.classList.add('dim');
  if (style.italic) span.classList.add('i');
  if (style.underline) span.classList.add('u');
  return span;
}

function colour(span, value, which) {
  if (value === null) return;
  if (typeof value === 'number' && value < 16) {
    span.classList.add(`${which}${value}`);
    return;
  }
  const css = typeof value === 'number' ? palette(value) : value;
  if (which === 'fg') span.style.color = css;
  else span.style.backgroundColor = css;
}
