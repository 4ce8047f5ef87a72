// Diagrams shrink to fit their column, but never below MIN_SCALE of their natural size:
// past that their labels are too small to read, so the diagram keeps that size and its box
// scrolls sideways instead (site.css). Material calls mermaid.render() and puts the SVG it
// returns into the page; this wraps render() to add a min-width beside mermaid's max-width.
(function () {
  const MIN_SCALE = 0.7;
  const render = mermaid.render.bind(mermaid);
  mermaid.render = async function (...args) {
    const result = await render(...args);
    result.svg = result.svg.replace(
      /max-width:\s*([\d.]+)px;?/,
      (all, width) => `max-width: ${width}px; min-width: ${Math.round(width * MIN_SCALE)}px;`,
    );
    return result;
  };
})();
