// A node:test reporter that writes JUnit XML, the format shiprun (as Shippable did) reads from
// shippable/testresults/. Node's own junit reporter is not in every Node version this sample
// supports, so the sample brings this one.
const escape = (text) =>
  String(text).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]);

export default async function* junit(source) {
  const cases = [];
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.details?.type !== 'suite') {
      cases.push({
        name: event.data.name,
        file: event.data.file ?? 'tests',
        seconds: (event.data.details?.duration_ms ?? 0) / 1000,
        failure: event.type === 'test:fail' ? event.data.details?.error : undefined,
        skipped: Boolean(event.data.skip || event.data.todo),
      });
    }
  }
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const seconds = cases.reduce((sum, c) => sum + c.seconds, 0);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuite name="greeter" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds.toFixed(3)}">\n`;
  for (const c of cases) {
    yield `  <testcase classname="${escape(c.file.replace(/^.*\//, ''))}" name="${escape(c.name)}" time="${c.seconds.toFixed(3)}">`;
    if (c.failure) {
      yield `<failure message="${escape(c.failure.message ?? c.failure)}"/>`;
    } else if (c.skipped) {
      yield '<skipped/>';
    }
    yield '</testcase>\n';
  }
  yield '</testsuite>\n';
}
