/**
 * The Handlebars page template given to `redocly build-docs --template`: Redocly's default
 * template plus an empty inline favicon, so the browser does not ask the host for
 * /favicon.ico (a 404 on most static hosts, logged as a console error).
 */
export const PAGE_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>{{title}}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="data:,">
  <style>
    body {
      padding: 0;
      margin: 0;
    }
  </style>
  {{{redocHead}}}
</head>
<body>
  {{{redocHTML}}}
</body>
</html>
`;
