// Zoom and pan of an SVG inside a box, by its viewBox: the wheel zooms at the pointer, a drag pans,
// and the box's keys do both (+ − 0, arrows). A drag does not count as a click on a node.

const MIN = 0.05;
const MAX = 8;
const FIT_MAX = 1.25;

export function zoomable(box, svg) {
  const base = viewBox(svg);
  let view = {...base};
  let dragged = false;
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');

  function apply() {
    svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
  }

  /** The scale of the view against the whole picture's width. */
  function scale() {
    return base.w / view.w;
  }

  function zoom(factor, cx, cy) {
    const next = Math.min(MAX, Math.max(MIN, scale() * factor));
    const f = scale() / next;
    const px = cx === undefined ? view.x + view.w / 2 : cx;
    const py = cy === undefined ? view.y + view.h / 2 : cy;
    view = {x: px - (px - view.x) * f, y: py - (py - view.y) * f, w: view.w * f, h: view.h * f};
    apply();
  }

  function pan(dx, dy) {
    view.x += dx;
    view.y += dy;
    apply();
  }

  /** The whole picture, magnified at most a little when the box is larger than it. */
  function fit() {
    const r = svg.getBoundingClientRect();
    const u = Math.max(base.w / (r.width || 1), base.h / (r.height || 1), 1 / FIT_MAX);
    const w = (r.width || base.w) * u;
    const hgt = (r.height || base.h) * u;
    view = {x: base.x - (w - base.w) / 2, y: base.y - (hgt - base.h) / 2, w, h: hgt};
    apply();
  }

  /** Screen pixels to picture units at the current view. */
  function unitsPerPixel() {
    const r = svg.getBoundingClientRect();
    return Math.max(view.w / (r.width || 1), view.h / (r.height || 1));
  }

  function point(e) {
    const r = svg.getBoundingClientRect();
    const u = unitsPerPixel();
    // preserveAspectRatio meet centres the picture: measure from the centre.
    return {x: view.x + view.w / 2 + (e.clientX - r.left - r.width / 2) * u,
      y: view.y + view.h / 2 + (e.clientY - r.top - r.height / 2) * u};
  }

  box.addEventListener('wheel', (e) => {
    e.preventDefault();
    const p = point(e);
    zoom(Math.exp(-e.deltaY * 0.0015), p.x, p.y);
  }, {passive: false});

  let start = null;
  box.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    start = {x: e.clientX, y: e.clientY, view: {...view}, u: unitsPerPixel(), id: e.pointerId};
    dragged = false;
  });
  box.addEventListener('pointermove', (e) => {
    if (!start || e.pointerId !== start.id) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (!dragged && Math.hypot(dx, dy) < 4) return;
    if (!dragged) {
      dragged = true;
      box.setPointerCapture(e.pointerId);
      box.classList.add('dragging');
    }
    view = {...start.view, x: start.view.x - dx * start.u, y: start.view.y - dy * start.u};
    apply();
  });
  const end = () => {
    start = null;
    box.classList.remove('dragging');
  };
  box.addEventListener('pointerup', end);
  box.addEventListener('pointercancel', end);
  // A click that ends a drag is not a click on what lies under the pointer.
  box.addEventListener('click', (e) => {
    if (dragged) {
      e.stopPropagation();
      e.preventDefault();
      dragged = false;
    }
  }, true);

  box.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = 40 * unitsPerPixel();
    const keys = {
      '+': () => zoom(1.25), '=': () => zoom(1.25), '-': () => zoom(0.8), '0': fit,
      ArrowLeft: () => pan(-step, 0), ArrowRight: () => pan(step, 0),
      ArrowUp: () => pan(0, -step), ArrowDown: () => pan(0, step),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  });

  fit();
  return {zoomIn: () => zoom(1.25), zoomOut: () => zoom(0.8), fit};
}

function viewBox(svg) {
  const v = (svg.getAttribute('viewBox') || '').trim().split(/[\s,]+/).map(Number);
  if (v.length === 4 && v.every((n) => !Number.isNaN(n))) return {x: v[0], y: v[1], w: v[2], h: v[3]};
  const w = Number(svg.getAttribute('width')) || 800;
  const hgt = Number(svg.getAttribute('height')) || 600;
  return {x: 0, y: 0, w, h: hgt};
}
