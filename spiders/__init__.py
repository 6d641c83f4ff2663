"""One spider per university; the module name, the spider name and the institution id agree."""
