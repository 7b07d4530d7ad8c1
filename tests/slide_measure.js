// Measure the slide on screen in RISE (reveal.js): how tall its content is, and the smallest
// text on it in CSS px -- HTML text, MathJax glyphs, and the text inside figures: an <img> of
// SVG (its <text> font sizes times the image's scale) or an inline <svg> (font size times the
// screen transform).  A raster image's text cannot be measured: it is reported as such.
// Called by tests/test_slides_browser.py as page.evaluate(source, present_selector).
(present) => {
  const section = document.querySelector(present);
  const shown = (el) => el.getClientRects().length > 0 &&
      getComputedStyle(el).display !== 'none';
  const texts = [];  // [px, what]
  const note = (px, what) => texts.push([Math.round(px * 10) / 10, what.slice(0, 60)]);
  // 1. HTML text: every element holding a non-blank text node of its own
  const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('svg, mjx-assistive-mml, style, script')) continue;
    if (!shown(el) || el.closest('.lm-mod-hidden, [hidden]')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' && !el.closest('.fragment')) continue;
    note(parseFloat(style.fontSize), node.textContent.trim());
  }
  // 2. MathJax (CHTML draws glyphs as CSS content of mjx-c): each glyph's own font size
  for (const c of section.querySelectorAll('mjx-container mjx-c')) {
    if (shown(c)) note(parseFloat(getComputedStyle(c).fontSize), 'math: ' +
        (c.closest('mjx-container').getAttribute('aria-label') || c.className));
  }
  // 3. inline SVG (the explorer's figures): font size in user units times the screen scale
  for (const t of section.querySelectorAll('svg text')) {
    if (!t.textContent.trim() || !shown(t)) continue;
    const size = parseFloat(getComputedStyle(t).fontSize);
    const m = t.getScreenCTM();  // a rotated text's scale is in b, not a
    note(size * Math.hypot(m.a, m.b), 'svg: ' + t.textContent.trim());
  }
  // 4. images: SVG ones are parsed; the scale is the drawn size over the viewBox
  const images = [];
  for (const img of section.querySelectorAll('img')) {
    if (!shown(img) || !img.naturalWidth) continue;
    const box = img.getBoundingClientRect();
    const src = img.getAttribute('src') || '';
    if (!src.startsWith('data:image/svg+xml')) {
      images.push({kind: 'raster', width: box.width, height: box.height,
                   scale: box.width / img.naturalWidth});
      continue;
    }
    const text = decodeURIComponent(src.slice(src.indexOf(',') + 1));
    const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    const view = (svg.getAttribute('viewBox') || '').split(/[\s,]+/).map(Number);
    const [vw, vh] = view.length === 4 ? [view[2], view[3]] : [img.naturalWidth, img.naturalHeight];
    // object-fit: contain letterboxes the picture inside the element's box
    const style = getComputedStyle(img);
    const cw = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const ch = box.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    const scale = style.objectFit === 'contain' || style.objectFit === 'scale-down'
        ? Math.min(cw / vw, ch / vh) : cw / vw;
    let smallest = Infinity, which = '';
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent.trim()) continue;
      // a font size from the attribute, the style attribute or a parent <g>
      let size = NaN;
      for (let el = t; el && el.getAttribute && isNaN(size); el = el.parentNode) {
        const fromStyle = /font(?:-size)?:[^;]*?([\d.]+)(px|pt)?/.exec(el.getAttribute('style') || '');
        size = parseFloat(el.getAttribute('font-size') || (fromStyle ? fromStyle[1] : NaN));
      }
      if (!isNaN(size) && size < smallest) { smallest = size; which = t.textContent.trim(); }
    }
    images.push({kind: 'svg', width: box.width, height: box.height, scale});
    if (smallest < Infinity) note(smallest * scale, 'figure: ' + which);
  }
  // the content's extent: the section's own scroll height, and where its content ends
  const rect = section.getBoundingClientRect();
  let bottom = rect.top, top = rect.bottom;
  for (const el of section.querySelectorAll('.jp-Cell')) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.height > 0) { bottom = Math.max(bottom, r.bottom); top = Math.min(top, r.top); }
  }
  // what runs off the slide's right edge: code or output wider than its box, or the slide
  const wide = [];
  for (const el of [section, ...section.querySelectorAll(
      '.cm-scroller, .jp-OutputArea-output, .jp-RenderedHTMLCommon, .convkit-explorer')]) {
    if (shown(el) && el.scrollWidth > el.clientWidth + 1) {
      wide.push([Math.round(el.scrollWidth), Math.round(el.clientWidth),
                 (el.innerText || '').trim().split('\n')[0].slice(0, 50)]);
    }
  }
  texts.sort((a, b) => a[0] - b[0]);
  return {id: section.id, height: Math.max(section.scrollHeight, bottom - top),
          top, bottom, viewport: window.innerHeight, smallest: texts.slice(0, 3),
          images, wide, title: (section.innerText || '').trim().split('\n')[0].slice(0, 60)};
}
