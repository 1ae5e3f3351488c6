## Mots communs à toutes les commandes : présentation d'un diagnostic, décomptes.

# Avant le message d'un diagnostic qui ne fait pas échouer la construction.
diag-warning = attention :
# Avant la ligne qui dit comment corriger un problème.
diag-hint = conseil :
did-you-mean = vouliez-vous dire « { $name } » ?
# Après une liste de diagnostics.
summary-counts = { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }
