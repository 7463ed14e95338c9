"""The site without MkDocs plugins: Zensical builds what `regio render --links md` writes.

Zensical (Material's successor) reads mkdocs.yml but runs no MkDocs plugins, so this package does
what our plugin does around it: render the generated pages, the map, the open data and the assets
into a build folder beside the hand-written content (:mod:`regio.zensical.docs`), derive a
Zensical configuration from mkdocs.yml (:mod:`regio.zensical.config`), build into a temporary
folder, apply our HTML repairs and swap the result into site/ (:mod:`regio.zensical.build`), or
preview it while re-rendering on every change in data/ (:mod:`regio.zensical.serve`).
Zensical itself runs from its own virtual environment (``.venv-zensical``,
``requirements-zensical.lock``): it is a separate program for us, called, never imported.
"""
