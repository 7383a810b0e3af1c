// A run's log in <pre id="log">: one element per line, its number a link, ANSI colours as spans.
// Lines arrive in any number and are drawn in batches, one per animation frame, into chunks the
// browser may skip drawing while they are off screen; so a log of 100,000 lines stays usable.
import {ansiState, plain, segments, styled} from './ansi.js';
import {route} from './dom.js';

const BATCH = 2000;
const CHUNK = 500;

export class LogView {
  constructor(pre, runId) {
    this.pre = pre;
    this.runId = runId;
    this.state = ansiState();
    this.lines = []; // per line: {segs, text (plain, lower case)}
    this.queue = [];
    this.chunk = null;
    this.scheduled = false;
    this.follow = true;
    this.target = null; // a line to show once it is drawn
    this.query = '';
    this.matches = [];
    this.current = -1;
    this.marked = new Set();
    this.onMatches = () => {};
    this.onDrawn = () => {};
  }

  /** Line number n (from 1) with its text; a line seen before (a reconnect) is ignored. */
  add(n, text) {
    if (n <= this.lines.length + this.queue.length) return;
    this.queue.push(text);
    if (!this.scheduled) {
      this.scheduled = true;
      requestAnimationFrame(() => this.flush());
    }
  }

  flush() {
    this.scheduled = false;
    const batch = this.queue.splice(0, BATCH);
    const q = this.query;
    let newMatches = false;
    let fragment = document.createDocumentFragment();
    for (const text of batch) {
      const segs = segments(text, this.state);
      const lower = plain(text).toLowerCase();
      this.lines.push({segs, lower});
      const n = this.lines.length;
      if ((n - 1) % CHUNK === 0) {
        if (this.chunk) this.chunk.append(fragment);
        fragment = document.createDocumentFragment();
        this.chunk = document.createElement('div');
        this.chunk.className = 'chunk';
        this.pre.append(this.chunk);
      }
      const matches = q !== '' && lower.includes(q);
      if (matches) {
        this.matches.push(n);
        this.marked.add(n);
        newMatches = true;
      }
      fragment.append(this.lineElement(n, segs, matches ? q : ''));
    }
    if (this.chunk) this.chunk.append(fragment);
    if (newMatches) this.onMatches(this.current, this.matches.length);
    if (this.target !== null && this.target <= this.lines.length) {
      const t = this.target;
      this.target = null;
      this.show(t);
    } else if (this.follow) {
      this.pre.scrollTop = this.pre.scrollHeight;
    }
    if (this.queue.length) {
      this.scheduled = true;
      requestAnimationFrame(() => this.flush());
    } else {
      this.onDrawn(this.lines.length);
    }
  }

  lineElement(n, segs, q) {
    const line = document.createElement('div');
    line.className = 'line';
    const ln = document.createElement('span');
    ln.className = 'ln';
    ln.id = `L${n}`;
    const a = document.createElement('a');
    a.href = `${route('runs', this.runId)}/L${n}`;
    a.textContent = String(n);
    ln.append(a);
    const tx = document.createElement('span');
    tx.className = 'tx';
    this.fill(tx, segs, q);
    line.append(ln, tx);
    return line;
  }

  /** The text of a line, its matches of q (lower case) in <mark>. */
  fill(tx, segs, q) {
    tx.replaceChildren();
    if (q === '') {
      for (const s of segs) tx.append(styled(s.text, s.style));
      return;
    }
    const lower = segs.map((s) => s.text).join('').toLowerCase();
    const ranges = [];
    for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + q.length)) {
      ranges.push([i, i + q.length]);
    }
    let offset = 0;
    let r = 0;
    for (const s of segs) {
      let pos = 0;
      while (pos < s.text.length) {
        const at = offset + pos;
        while (r < ranges.length && ranges[r][1] <= at) r++;
        const inside = r < ranges.length && ranges[r][0] <= at;
        const end = inside ? ranges[r][1] : (r < ranges.length ? ranges[r][0] : Infinity);
        const piece = s.text.slice(pos, Math.min(s.text.length, end - offset));
        const node = styled(piece, s.style);
        if (inside) {
          const mark = document.createElement('mark');
          mark.append(node);
          tx.append(mark);
        } else {
          tx.append(node);
        }
        pos += piece.length;
      }
      offset += s.text.length;
    }
  }

  element(n) {
    return document.getElementById(`L${n}`)?.parentElement || null;
  }

  /** Scrolls line n into view and highlights it (once it is drawn). */
  show(n) {
    this.pre.querySelector('.line.target')?.classList.remove('target');
    if (n > this.lines.length) {
      this.target = n;
      return;
    }
    const el = this.element(n);
    if (!el) return;
    el.classList.add('target');
    this.setFollow(false);
    this.reveal(el);
    this.pre.scrollIntoView({block: 'nearest'});
  }

  /** Scrolls the log (not the page) so that a line stands in its middle. */
  reveal(el) {
    const top = el.getBoundingClientRect().top - this.pre.getBoundingClientRect().top;
    this.pre.scrollTop += top - (this.pre.clientHeight - el.offsetHeight) / 2;
  }

  setFollow(on) {
    this.follow = on;
    this.onFollow?.(on);
    if (on) this.pre.scrollTop = this.pre.scrollHeight;
  }

  /** Finds every line holding text (case-insensitive) and marks the matches. */
  search(text) {
    const q = text.toLowerCase();
    this.query = q;
    for (const n of this.marked) this.redraw(n, '');
    this.marked.clear();
    this.pre.querySelector('.line.current')?.classList.remove('current');
    this.matches = [];
    this.current = -1;
    if (q !== '') {
      this.lines.forEach((l, i) => {
        if (l.lower.includes(q)) this.matches.push(i + 1);
      });
      for (const n of this.matches) {
        this.redraw(n, q);
        this.marked.add(n);
      }
    }
    this.onMatches(this.current, this.matches.length);
    if (this.matches.length) this.step(1);
  }

  redraw(n, q) {
    const el = this.element(n);
    if (el) this.fill(el.querySelector('.tx'), this.lines[n - 1].segs, q);
  }

  /** Goes to the next (1) or previous (-1) match. */
  step(direction) {
    if (!this.matches.length) return;
    this.current = (this.current + direction + this.matches.length) % this.matches.length;
    this.pre.querySelector('.line.current')?.classList.remove('current');
    const el = this.element(this.matches[this.current]);
    if (el) {
      el.classList.add('current');
      this.setFollow(false);
      this.reveal(el);
    }
    this.onMatches(this.current, this.matches.length);
  }
}
