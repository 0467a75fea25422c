export async function load(url, context, nextLoad) {
  if (!url.startsWith('node:')) process.stderr.write(`loaded ${url}\n`);
  return nextLoad(url, context);
}
