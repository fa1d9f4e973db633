/**
 * Faults, formats and scenarios from the page's own query string (`/?fault=drop-after-events=20`),
 * sent as headers so that resume requests stay clean — handy for trying what the transport survives.
 */
export function requestOptionsFromLocation(search = typeof location === 'undefined' ? '' : location.search) {
  const params = new URLSearchParams(search);
  const headers: Record<string, string> = {};
  const fault = params.get('fault');
  if (fault) headers['x-streamkit-fault'] = fault;
  const scenario = params.get('scenario');
  if (scenario) headers['x-streamkit-scenario'] = scenario;
  const format = params.get('format');
  if (format) headers['x-streamkit-format'] = format;
  let faultSent = false;
  return {
    format,
    // A fault applies to the first request only, as a network or a proxy fails once.
    headers: (): Record<string, string> => {
      if (faultSent) {
        const { 'x-streamkit-fault': _fault, ...rest } = headers;
        return rest;
      }
      faultSent = true;
      return headers;
    },
  };
}
