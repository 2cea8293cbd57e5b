// The timing journey's script (library.rs): types each query character by character into
// the search box and measures, for every keystroke, the time from the input event to the
// next paint after the results changed. Resolves to [query, [milliseconds per keystroke]]
// pairs (keystrokes that changed nothing are left out).
const [queries, done] = [arguments[0], arguments[arguments.length - 1]];
(async () => {
  const input = document.querySelector('input[type=search]');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const main = document.querySelector('main');
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const all = [];
  for (const q of queries) {
    const times = [];
    setter.call(input, ''); input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await frame(); await frame();
    let typed = '';
    for (const ch of q) {
      typed += ch;
      // Changed: the first paint after a mutation. Unchanged: two frames pass without one
      // (a frame only comes once the main thread is free, so the work is done by then).
      const changed = new Promise(resolve => {
        let seen = false;
        const obs = new MutationObserver(() => {
          if (seen) return;
          seen = true; obs.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
        });
        obs.observe(main, { subtree: true, childList: true, characterData: true, attributes: true });
        frame().then(frame).then(() => { if (!seen) { obs.disconnect(); resolve(null); } });
      });
      const t0 = performance.now();
      setter.call(input, typed); input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      const t1 = await changed;
      if (t1 !== null) times.push(t1 - t0);
    }
    all.push([q, times]);
  }
  done(all);
})();
