# Texts of the site that replace those of the theme (themes/default/locales/en/main.ftl).
# The footer states the accessibility compliance status: keep it in line with
# content/pages/accessibility.en.md and update both after an audit.
footer-accessibility = Accessibility: not compliant
