# Texts of the site that replace those of the theme (themes/default/locales/fr/main.ftl).
# The footer states the accessibility compliance status: keep it in line with
# content/pages/accessibility.fr.md and update both after an audit.
footer-accessibility = Accessibilité : non conforme
