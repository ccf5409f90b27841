<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../../housingmatch/gui/accounts_dialog.py" line="+45"/>
        <source>Nom du compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom affiché</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rôle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler</source>
        <translation type="unfinished">Cancel</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location line="+26"/>
        <location line="+86"/>
        <location line="+14"/>
        <location line="+31"/>
        <source>Comptes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-114"/>
        <source>Ajouter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Désactiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réactiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réinitialiser le mot de passe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fermer</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Compte « {n} » créé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nouveau compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compte « {n} » désactivé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compte « {n} » réactivé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nouveau mot de passe de {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mot de passe de « {n} » modifié ; le compte est déverrouillé.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AidsChecker</name>
    <message>
        <location filename="../../housingmatch/gui/aids_dialog.py" line="+95"/>
        <source>Privé (non agricole)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agricole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>non renseigné</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>oui</source>
        <translation type="unfinished">yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>non</source>
        <translation type="unfinished">no</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Date de naissance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Secteur de l&apos;employeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Effectif de l&apos;entreprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contrat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mobilité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de la mobilité</source>
        <translation type="unfinished">Date of the mobility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salaire &amp;net mensuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salaire &amp;brut mensuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Loyer visé (charges comprises)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distance du déménagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trajet vers le travail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double loyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Étudiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boursier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En recherche d&apos;emploi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date d&apos;&amp;entrée dans le logement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+118"/>
        <source>À demander :</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AidsDialog</name>
    <message>
        <location line="+18"/>
        <source>Vérifier les aides Action Logement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fermer</source>
        <translation type="unfinished">Close</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../housingmatch/gui/audit_dialog.py" line="+105"/>
        <source>Journal d&apos;audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>toutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tous (référence exacte)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tous</source>
        <translation type="unfinished">All</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Période du</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filtrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>au</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Entrées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vérifier la base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avec un point de contrôle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pas encore vérifiée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Vérification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>N°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signé par</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empreinte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Points de contrôle signés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Lecture du journal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lecture du journal d&apos;audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Vérification en cours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vérification de la base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Toutes</source>
        <translation type="unfinished">All</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 entrée(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lecture interrompue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Premier maillon rompu : entrée %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Vérification interrompue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Point de contrôle exporté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Point de contrôle (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditEntriesModel</name>
    <message>
        <location line="-292"/>
        <source>N°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Détail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../housingmatch/gui/backups_dialog.py" line="+52"/>
        <source>Sauvegardes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taille</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sauvegarder &amp;maintenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restaurer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Une sauvegarde automatique est prise à la première modification de chaque jour ({0} quotidiennes et {1} hebdomadaires gardées) ; chaque sauvegarde est vérifiée. Restaurer remplace la base ouverte ; la base actuelle est gardée à côté.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>automatique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>à la demande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+14"/>
        <source>Sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restaurer une sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remplacer la base ouverte par la sauvegarde du {0} ?

Les modifications faites depuis seront retirées de la base ; la base actuelle est gardée à côté sous un autre nom.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../housingmatch/gui/charts.py" line="+65"/>
        <source>{title} — clic droit : exporter en PNG</source>
        <extracomment>The size of an exported PNG (pixels).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+25"/>
        <source>Exporter le graphique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Image PNG (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exporter en PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Aucune donnée sur la période.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BilanPage</name>
    <message>
        <location filename="../../housingmatch/gui/bilan_page.py" line="+124"/>
        <source>Année en cours</source>
        <extracomment>The charts drawn (the report&apos;s, in its order), two per row.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Année précédente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12 derniers mois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Période choisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Aucune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporter PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporter XLSX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Période :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>du</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>au</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ventilation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Graphiques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tableaux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Obligations légales d&apos;attribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Équité entre publics prioritaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Obligations et équité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Bilan indisponible sur une base en mémoire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>La fin de la période précède son début.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Calcul du bilan en cours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bilan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Document PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporter le bilan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export du bilan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Bilan {period} : {new} demandes nouvelles, {renewed} renouvelées, {proposals} propositions envoyées, {leases} attributions, {refusals} refus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Équité : </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Le bilan n&apos;est pas encore calculé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Bilan écrit : {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../housingmatch/gui/matching_common.py" line="+92"/>
        <source>Pourquoi pas plus haut ?</source>
        <translation>Why not higher?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;{a}&lt;/b&gt; (rang {ra}, {sa} pts) est classé devant &lt;b&gt;{b}&lt;/b&gt; (rang {rb}, {sb} pts).</source>
        <translation>&lt;b&gt;{a}&lt;/b&gt; (rank {ra}, {sa} pts) is ranked above &lt;b&gt;{b}&lt;/b&gt; (rank {rb}, {sb} pts).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Partie du score</source>
        <translation>Score part</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Écart</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Les deux candidats ont exactement les mêmes points.</source>
        <translation>Both candidates have exactly the same points.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CountLabel</name>
    <message numerus="yes">
        <location filename="../../housingmatch/gui/record_page.py" line="+77"/>
        <source>%Ln fiche(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Aucun résultat sur %Ln fiche(s)</source>
        <translation>
            <numerusform>No result among %Ln record</numerusform>
            <numerusform>No result among %Ln records</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{shown} sur {total}</source>
        <translation>{shown} of {total}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../housingmatch/gui/dashboard.py" line="+159"/>
        <source>Chiffres</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Demandes</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demandes actives</source>
        <translation>Active requests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demandes expirées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logements</source>
        <translation>Units</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logements ouverts</source>
        <translation>Open units</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+21"/>
        <source>Logement</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Typologie</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bailleur</source>
        <translation>Landlord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date limite de proposition</source>
        <translation>Proposal deadline</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <source>Demande</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Demandeur</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employeur</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expire le</source>
        <translation>Expires on</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Liste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proposition</source>
        <translation type="unfinished">Proposal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Échéance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action suivante</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Tableau de bord : calcul en cours…</source>
        <translation>Dashboard: computing…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tableau de bord du {day}</source>
        <translation>Dashboard of {day}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Logements dont la date limite de proposition tombe dans les {n} jours ({c})</source>
        <translation>Units whose proposal deadline falls within {n} days ({c})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demandes qui expirent dans les {n} jours ({c})</source>
        <translation>Requests that expire within {n} days ({c})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Échéances des propositions : action suivante ({c})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForumPage</name>
    <message>
        <location filename="../../housingmatch/gui/forum_page.py" line="+272"/>
        <source>Enregistrer (Entrée)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer et suivante (Ctrl+Entrée)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nouvelle fiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Fiche rapide (saisie au forum, à compléter à l&apos;agence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Aides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offres à montrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+77"/>
        <source>%n logement(s) ouvert(s) correspondant aux souhaits</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Fiche {ref} enregistrée (incomplète). Fiche suivante.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fiche {ref} enregistrée (incomplète) : à compléter à l&apos;agence (revenu fiscal de référence, commune de résidence).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupBadges</name>
    <message>
        <location filename="../../housingmatch/gui/delegates.py" line="+32"/>
        <source>DALO</source>
        <translation>DALO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L441</source>
        <translation>L441</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jeune</source>
        <translation>Young</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobil.</source>
        <translation>Mobil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diffic.</source>
        <translation>Diffic.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sous-occ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../housingmatch/gui/guide.py" line="+25"/>
        <source>Guide de l&apos;utilisateur</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Le guide n&apos;a pas été trouvé dans cette installation ({path}).</source>
        <translation>The guide was not found in this installation ({path}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../housingmatch/gui/import_dialog.py" line="+51"/>
        <source>demandes</source>
        <translation>requests</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>logements</source>
        <translation>units</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importer des {what} — {name}</source>
        <translation>Import {what} — {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>En-tête du fichier</source>
        <translation>File header</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Colonne du modèle</source>
        <translation>Template column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confiance</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ligne</source>
        <translation>Line</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Valeur</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problème</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Lecture du fichier</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(ignorée)</source>
        <translation>(ignored)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Colonnes obligatoires absentes : {c}.</source>
        <translation>Required columns missing: {c}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>En-têtes non reconnus (ignorés) : {h}.</source>
        <translation>Headers not recognised (ignored): {h}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>À vérifier, communes lues approximativement : {r}.</source>
        <translation>To check, municipalities read approximately: {r}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{read} : {valid}, {bad}. Rien n&apos;a encore été écrit dans la base.</source>
        <translation>{read}: {valid}, {bad}. Nothing has been written to the database yet.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n ligne(s) lue(s)</source>
        <translation>
            <numerusform>%n line read</numerusform>
            <numerusform>%n lines read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n valide(s)</source>
        <translation>
            <numerusform>%n valid</numerusform>
            <numerusform>%n valid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n erreur(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Import en cours…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import du fichier</source>
        <translation>File import</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import annulé : rien n&apos;a été écrit.</source>
        <translation>Import cancelled: nothing was written.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import terminé</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.ui" line="+18"/>
        <source>Importer un fichier</source>
        <translation>Import a file</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lecture du fichier…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Correspondance des colonnes du fichier</source>
        <translation>How the file&apos;s columns were understood</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Erreurs par ligne (rien n&apos;est écrit tant que vous n&apos;importez pas)</source>
        <translation>Errors by line (nothing is written until you import)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Importer seulement les lignes valides (les lignes en erreur sont écartées)</source>
        <translation>Import only the valid lines (lines with errors are left out)</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../housingmatch/gui/forum_page.py" line="-364"/>
        <source>JJ/MM/AAAA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nom, code postal ou code INSEE</source>
        <translation type="unfinished">name, postal code or INSEE code</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>JJ/MM/AAAA (embauche, mutation…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>communes séparées par des virgules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>indifférent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>€ par mois, charges comprises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>à</source>
        <translation type="unfinished">to</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de &amp;naissance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Courriel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Téléphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Employeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commune de tra&amp;vail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personnes au &amp;foyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revenus du foyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Situation de logement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ontrat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mobilité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de la mo&amp;bilité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Communes so&amp;uhaitées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Typologie</source>
        <translation type="unfinished">Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Loyer maximal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobProgressWidget</name>
    <message>
        <location filename="../../housingmatch/gui/jobs.py" line="+267"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Annulation…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location line="-271"/>
        <source>Erreur d&apos;accès au fichier ou à la base : {error}</source>
        <translation>Cannot access the file or the database: {error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Une erreur inattendue s&apos;est produite. Le détail ci-dessous peut être transmis au support.

{kind} : {error}</source>
        <translation>An unexpected error occurred. The details below can be sent to support.

{kind}: {error}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../housingmatch/gui/login_dialog.py" line="+46"/>
        <source>HousingMatch — connexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cette base est protégée : indiquez qui travaille.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Nom d&apos;utilisateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Comptes de démonstration : {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Se connecter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quitter</source>
        <translation type="unfinished">Quit</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Vérification du mot de passe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connexion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../housingmatch/gui/app.py" line="+59"/>
        <source>Création des données de démonstration</source>
        <translation>Creating the demonstration data</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Durée de conservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/main_window.py" line="+88"/>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demandes</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logements</source>
        <translation>Units</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rapprochement</source>
        <translation>Matching</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propositions</source>
        <translation type="unfinished">Proposals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrôle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ouvrir une base…</source>
        <translation>&amp;Open a database…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Nouvelle base…</source>
        <translation>&amp;New database…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importer des &amp;demandes…</source>
        <translation>Import &amp;requests…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importer des &amp;logements…</source>
        <translation>Import &amp;units…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sauvegardes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Édition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nouvelle &amp;demande</source>
        <translation>New &amp;request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nouveau &amp;logement</source>
        <translation>New &amp;unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rechercher…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Référence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seuils du premier &amp;quartile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;udit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Journal d&apos;audit et vérification…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;dministration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Comptes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;orum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Saisie rapide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Doublons des paquets importés…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vérifier les &amp;aides…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Carte du territoire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Guide de l&apos;utilisateur</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>À &amp;propos de HousingMatch</source>
        <translation>&amp;About HousingMatch</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Ouverture de la base</source>
        <translation>Opening the database</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Restaurer une sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Importer des demandes</source>
        <translation>Import requests</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importer des logements</source>
        <translation>Import units</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fichiers de données (*.csv *.xlsx);;Tous les fichiers (*)</source>
        <translation>Data files (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{r} demandes ({a} actives, {x} expirées) · {u} logements ({o} ouverts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Règles : {name}</source>
        <translation>Rules: {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecté : {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Poste de {user} (base sans comptes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{name} — HousingMatch</source>
        <translation>{name} — HousingMatch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>base en mémoire</source>
        <translation>in-memory database</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Préparation du classement</source>
        <translation>Preparing the ranking</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un traitement est en cours. L&apos;annuler et quitter ?</source>
        <translation>A task is running. Cancel it and quit?</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Ouvrir une base</source>
        <translation>Open a database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bases HousingMatch (*.sqlite *.db);;Tous les fichiers (*)</source>
        <translation>HousingMatch databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nouvelle base</source>
        <translation>New database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bases HousingMatch (*.sqlite)</source>
        <translation>HousingMatch databases (*.sqlite)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>À propos de HousingMatch</source>
        <translation>About HousingMatch</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>liste absente de cette installation</source>
        <translation>list missing from this installation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;HousingMatch {version}&lt;/h3&gt;&lt;p&gt;Rapprochement des demandes de logement des salariés et des logements réservés Action Logement, avec un classement expliqué et vérifiable des candidats. La commission d&apos;attribution du bailleur décide ; HousingMatch prépare une liste ordonnée et motivée.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sources des données de référence&lt;/b&gt; (livrées avec l&apos;application, sans accès au réseau) :&lt;/p&gt;&lt;ul&gt;{sources}&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Règles de classement actives :&lt;/b&gt; {rules}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licence :&lt;/b&gt; GNU GPL version 3 ou ultérieure (GPL-3.0-or-later). Ce programme est fourni sans aucune garantie ; vous pouvez le redistribuer et le modifier selon les termes de cette licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HousingMatch {version}&lt;/h3&gt;&lt;p&gt;Matching of employees&apos; housing requests with the social housing units reserved by Action Logement, with an explained and auditable ranking of the candidates. The landlord&apos;s allocation committee decides; HousingMatch prepares an ordered, justified list.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sources of the reference data&lt;/b&gt; (shipped with the application, no network access; in French):&lt;/p&gt;&lt;ul&gt;{sources}&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Active ranking rules:&lt;/b&gt; {rules}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licence:&lt;/b&gt; GNU GPL version 3 or later (GPL-3.0-or-later). This program comes with no warranty; you may redistribute and modify it under the terms of that licence.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MapDialog</name>
    <message>
        <location filename="../../housingmatch/gui/map_dialog.py" line="+25"/>
        <source>Carte du territoire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chargement de la carte…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Carte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>plus de {n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Logements</source>
        <translation type="unfinished">Units</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Communes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>teinte : demandes actives dont le lieu de travail est dans la commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>commune avec un QPV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classement d&apos;un logement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cliquez un logement : trajets vers le lieu de travail des 20 premiers candidats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Molette ou +/- : zoom ; glisser : déplacer ; 0 : tout voir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{units} logements, {requests} demandes actives localisées par leur lieu de travail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Classement de {ref}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{ref} : trajets estimés vers le lieu de travail de {n} candidats.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../housingmatch/gui/map_view.py" line="+118"/>
        <source>commune avec un QPV</source>
        <extracomment>Commute classes of the ranking lines: (up to minutes, colour).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} : {n} demande(s) dont le lieu de travail est ici</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Rang {rank} : {ref}, {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchingPage</name>
    <message>
        <location filename="../../housingmatch/gui/matching_page.py" line="+89"/>
        <source>Par logement</source>
        <translation>By unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Par demande</source>
        <translation>By request</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_allocation.py" line="+134"/>
        <location filename="../../housingmatch/gui/matching_page.py" line="+2"/>
        <source>Répartition des logements ouverts</source>
        <translation>Allocation of open units</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_page.py" line="+21"/>
        <source>Classer</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_allocation.py" line="-46"/>
        <location filename="../../housingmatch/gui/matching_by_request.py" line="+58"/>
        <location filename="../../housingmatch/gui/matching_page.py" line="+2"/>
        <source>Logement</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_page.py" line="+2"/>
        <source>Date du classement</source>
        <translation>Ranking date</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rang</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_by_request.py" line="-7"/>
        <location filename="../../housingmatch/gui/matching_page.py" line="+1"/>
        <location line="+36"/>
        <source>Demande</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_page.py" line="-35"/>
        <location line="+35"/>
        <source>Demandeur</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_by_request.py" line="+12"/>
        <location filename="../../housingmatch/gui/matching_page.py" line="-34"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_page.py" line="+1"/>
        <source>Parties</source>
        <translation>Parts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groupes</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_by_request.py" line="+2"/>
        <location filename="../../housingmatch/gui/matching_page.py" line="+1"/>
        <source>Trajet</source>
        <translation>Commute</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_page.py" line="+24"/>
        <source>Motif d&apos;exclusion</source>
        <translation>Exclusion reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Demandes</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Motifs</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Candidats</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclues</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pourquoi pas plus haut ?</source>
        <translation>Why not higher?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comparer le candidat choisi avec celui classé juste au-dessus, ou deux candidats choisis</source>
        <translation>Compare the chosen candidate with the one ranked just above, or two chosen candidates</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Proposer (brouillon)</source>
        <translation>Propose (draft)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Garder les candidats choisis (trois au plus, Ctrl+clic) comme proposition en brouillon</source>
        <translation>Keep the chosen candidates (three at most, Ctrl+click) as a draft proposal</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_by_request.py" line="-21"/>
        <source>référence de la demande</source>
        <translation>request reference or name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chercher les logements ouverts</source>
        <translation>Find open units</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_allocation.py" line="+1"/>
        <location filename="../../housingmatch/gui/matching_by_request.py" line="+11"/>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../housingmatch/gui/matching_by_request.py" line="+1"/>
        <source>Typologie</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_by_request.py" line="+1"/>
        <source>Financement</source>
        <translation>Financing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyer CC</source>
        <translation>Rent incl. charges</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../housingmatch/gui/matching_page.py" line="+286"/>
        <source>Points par partie</source>
        <translation>Points by part</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_allocation.py" line="-46"/>
        <source>Calculer la répartition</source>
        <translation>Compute the allocation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Garder les lignes choisies comme propositions (brouillons)</source>
        <translation>Keep the chosen lines as proposals (drafts)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Suggestion : des candidats distincts pour chaque logement ouvert, qui maximisent le total des scores. Retirez un candidat d&apos;une ligne avant de la garder si besoin.</source>
        <translation>Suggestion: distinct candidates for every open unit, maximising the total score. Remove a candidate from a line before keeping it if needed.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>aucune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Part minimale DALO/prioritaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Part minimale 1er quartile hors QPV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Candidat 1</source>
        <translation>Candidate 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidat 2</source>
        <translation>Candidate 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidat 3</source>
        <translation>Candidate 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Éligibles</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Retirer un candidat de la ligne…</source>
        <translation>Remove a candidate from the line…</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_page.py" line="-196"/>
        <source>Classement de {ref} en cours…</source>
        <translation>Ranking {ref}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Classement des candidats</source>
        <translation>Ranking the candidates</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Sous-occupation : plus de pièces que de personnes + 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Candidats ({n})</source>
        <translation>Candidates ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclues ({n})</source>
        <translation>Excluded ({n})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shown} premières demandes exclues listées sur {total}.</source>
        <translation>First {shown} excluded requests listed out of {total}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{unit} — {total} candidats éligibles, {excl} demandes exclues. Règles : {rules} ; {legal}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Les {n} premiers sont listés.</source>
        <translation>The first {n} are listed.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Aucun candidat éligible pour ce logement.</source>
        <translation>No eligible candidate for this unit.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Pas de proposition en préparation pour ce logement.</source>
        <translation>No proposal in preparation for this unit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{ref} (rang {rank})</source>
        <translation>{ref} (rank {rank})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Proposition n° {n} ({state}, classement du {d}) : {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Rang {r}, score {s} points</source>
        <translation>Rank {r}, score {s} points</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ce qui fonde ces points</source>
        <translation>What these points rest on</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Groupes : {g}</source>
        <translation>Groups: {g}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aucun groupe prioritaire</source>
        <translation>No priority group</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trajet estimé logement → travail : {m}</source>
        <translation>Estimated commute home → work: {m}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Employeur : {e}</source>
        <translation>Employer: {e}</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Ménage : %n personne(s), {c}</source>
        <translation>
            <numerusform>Household: %n person, {c}</numerusform>
            <numerusform>Household: %n persons, {c}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revenu fiscal de référence : {r} €</source>
        <translation>Reference taxable income: €{r}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revenu retenu : {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sous-occupation : plus de pièces que de personnes + 1 (signalée)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ancienneté : {m} mois (dépôt le {d})</source>
        <translation>Seniority: {m} months (filed on {d})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expire le {d}</source>
        <translation>Expires on {d}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commune de travail : {c}</source>
        <translation>Place of work: {c}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choisissez un ou plusieurs candidats dans le classement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choisissez au plus {n} candidats à la fois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ajouter les candidats choisis à la proposition du logement (créée au besoin ; une proposition existante n&apos;est jamais remplacée)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_draft.py" line="+48"/>
        <location line="+23"/>
        <location line="+92"/>
        <source>Écart au classement</source>
        <translation>Departure from the ranking</translation>
    </message>
    <message>
        <location line="-114"/>
        <location line="+23"/>
        <location line="+92"/>
        <source>Motif de l&apos;écart :</source>
        <translation>Reason for the departure:</translation>
    </message>
    <message>
        <location line="-109"/>
        <location line="+22"/>
        <location line="+7"/>
        <location line="+62"/>
        <location line="+27"/>
        <source>Proposition</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Ajouter à la proposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retirer</source>
        <translation type="unfinished">Remove</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Monter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Descendre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Ce logement n&apos;a pas de proposition en cours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_by_request.py" line="+29"/>
        <source>Aucun résultat pour « {text} ».</source>
        <translation>No result for “{text}”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recherche en cours…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Logements pour une demande</source>
        <translation>Units for a request</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>aucun groupe prioritaire</source>
        <translation>no priority group</translation>
    </message>
    <message>
        <location filename="../../housingmatch/gui/matching_allocation.py" line="+68"/>
        <source>DALO/prioritaires : {reached} place(s) pour {required} exigée(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1er quartile hors QPV : {reached} place(s) pour {required} exigée(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>score perdu par les parts : {lost} (sans les parts {plain}, avec {kept})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>impossible à tenir : {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Retirer un candidat</source>
        <translation>Remove a candidate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidat à retirer de {u} :</source>
        <translation>Candidate to remove from {u}:</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+6"/>
        <source>Propositions</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n proposition(s) gardée(s) en brouillon.</source>
        <translation type="unfinished">%n proposal kept as a draft.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../housingmatch/gui/merge_dialog.py" line="+84"/>
        <source>Doublons possibles à examiner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Score</source>
        <translation type="unfinished">Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Demande du bureau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Fiche du forum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Champ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fiche du forum (à reprendre)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Champs surlignés : ils diffèrent. Cochez (Espace) les valeurs du forum à reprendre, puis Lier (Alt+L).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Lier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Garder séparées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Délier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Appliquer les liaisons sûres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lie les paires en attente qui ont le même numéro unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fermer</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Lecture des doublons possibles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+184"/>
        <source>Doublons possibles</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="-172"/>
        <source>%n doublon(s) possible(s) en attente de décision</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Aucun doublon possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>« {office} » ({oname}) et « {forum} » ({fname}) : score {score}, {state}. Raisons : {reasons}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nom et prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>à compléter (saisie au forum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Liaisons sûres</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObligationGauge</name>
    <message>
        <location filename="../../housingmatch/gui/gauges.py" line="+119"/>
        <source>{n} / {d} = {share} (objectif {target})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>aucune attribution connue cette année</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>il en faut encore %n d&apos;ici décembre au rythme actuel</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>objectif tenu au rythme actuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n au quartile inconnu, compté(s) à part (entre {low} et {high})</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ObligationsBox</name>
    <message>
        <location line="+74"/>
        <source>Obligations d&apos;attribution de l&apos;année</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Obligations d&apos;attribution {year} : calcul en cours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Obligations d&apos;attribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>Obligations d&apos;attribution {year} (%n attribution(s) au {day})</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ObligationsLine</name>
    <message>
        <location line="+34"/>
        <source>aucune attribution DALO/prioritaires connue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{share} DALO/prioritaires, il en faut {gap} de plus d&apos;ici décembre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{share} DALO/prioritaires (objectif tenu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source> (encore {gap})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, {n} au quartile inconnu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cette année : {parts}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OffersTable</name>
    <message>
        <location filename="../../housingmatch/gui/forum_page.py" line="+104"/>
        <source>Commune</source>
        <translation type="unfinished">Municipality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Typologie</source>
        <translation type="unfinished">Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surface</source>
        <translation type="unfinished">Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyer CC</source>
        <translation type="unfinished">Rent incl. charges</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Financement</source>
        <translation type="unfinished">Financing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QPV</source>
        <translation type="unfinished">QPV</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>oui</source>
        <translation type="unfinished">yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>non</source>
        <translation type="unfinished">no</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../housingmatch/gui/passphrase_dialog.py" line="+40"/>
        <source>HousingMatch — base chiffrée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>La base « {name} » est chiffrée : indiquez sa phrase secrète.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ouvrir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quitter</source>
        <translation type="unfinished">Quit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Déchiffrement de la base…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Déchiffrement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProposalsPage</name>
    <message>
        <location filename="../../housingmatch/gui/proposals_page.py" line="+88"/>
        <source>N°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Logement</source>
        <translation type="unfinished">Unit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action suivante</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Échéance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conseiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Demande</source>
        <translation type="unfinished">Request</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rang moteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Décision CALEOL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+239"/>
        <source>Rang CALEOL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-239"/>
        <source>Réponse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Répondre avant le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Envoyer à la CALEOL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ajourner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception R441-3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiche PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporter en XLSX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Candidats (clic droit : contact, décision, réponse, bail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Historique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Propositions à la CALEOL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Choisissez une proposition dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Proposition n° {n} — logement {unit} — {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>À revoir : {f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action suivante : {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Choisissez une proposition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>La proposition est « {s} ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Envoyer la liste à la commission d&apos;attribution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seule une proposition envoyée, sans décision, peut être ajournée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Moins de trois candidats : nombre insuffisant de candidats éligibles, candidat désigné par le préfet (DALO) ou logement financé en PLAI adapté (CCH R441-3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>L&apos;exception s&apos;enregistre pendant la préparation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Proposition</source>
        <translation type="unfinished">Proposal</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Rang donné par la CALEOL :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Joint et intéressé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Injoignable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Se désiste…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retirer de la liste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descendre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attribué au rang…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attribué sous condition au rang…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Non attribué…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Irrecevable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepte l&apos;offre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse l&apos;offre…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bail signé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>« {a} » n&apos;est pas possible : la proposition est « {s} ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Motif du désistement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Motif de non-attribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Motif du refus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Envoi à la CALEOL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de la commission (AAAA-MM-JJ) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Envoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date invalide : « {t} ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Aucune exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exception R441-3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Moins de trois candidats parce que :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fiche de proposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exporter les propositions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <location filename="../../housingmatch/gui/backups_dialog.py" line="+24"/>
        <source>La base « {0} » est endommagée et aucune sauvegarde valide n&apos;a été trouvée : elle n&apos;a pas été ouverte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>La base « {0} » est endommagée : elle n&apos;a pas été ouverte.

Restaurer la dernière sauvegarde valide, du {1} ? La base endommagée est gardée à côté.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuartileDialog</name>
    <message>
        <location filename="../../housingmatch/gui/quartile_dialog.py" line="+40"/>
        <source>Seuils du premier quartile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seuil de ressources des demandeurs du premier quartile, en euros par unité de consommation et par an, publié chaque année par arrêté pour chaque EPCI. Tant qu&apos;il manque, le statut « premier quartile » est « inconnu ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>EPCI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SIREN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+23"/>
        <source>Année</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Seuil (€/UC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SIREN à 9 chiffres, p. ex. 242100410</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>euros par unité de consommation et par an</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enregistrer le seuil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>EPCI (SIREN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seuil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Montant illisible : écrivez par exemple 10 500.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Seuil {y} de {n} enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../housingmatch/gui/record_dialog.py" line="+32"/>
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../housingmatch/gui/record_page.py" line="+41"/>
        <source>Effacer les filtres</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Chargement…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chargement des fiches</source>
        <translation>Loading the records</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Index de recherche</source>
        <translation>Search index</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../housingmatch/gui/request_dialog.py" line="+164"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Demande {ref}</source>
        <translation>Request {ref}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nouvelle demande</source>
        <translation>New request</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+2"/>
        <source>à compléter (saisie au forum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Montant illisible : écrivez par exemple 1 234,50.</source>
        <translation>Unreadable amount: write for example 1 234,50.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nombre illisible.</source>
        <translation>Unreadable number.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Le revenu fiscal de référence est obligatoire.</source>
        <translation>The reference taxable income is required.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Aucun problème : la demande peut être enregistrée.</source>
        <translation>No problem: the request can be saved.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{f} : plafond inconnu</source>
        <translation>{f}: ceiling unknown</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{mark} {f} : plafond {amount} € ({year})</source>
        <translation>{mark} {f}: ceiling €{amount} ({year})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>* plafonds d&apos;une année antérieure (voir l&apos;infobulle)</source>
        <translation>* ceilings of an earlier year (see the tooltip)</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>{m} mois (%n an(s) et {r} mois)</source>
        <translation>
            <numerusform>{m} months (%n year and {r} months)</numerusform>
            <numerusform>{m} months (%n years and {r} months)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{m} mois</source>
        <translation>{m} months</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expirée depuis le {d}</source>
        <translation>expired since {d}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>le {d}</source>
        <translation>on {d}</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Enregistrement de la demande</source>
        <translation>Saving the request</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>La demande a été modifiée. Enregistrer les modifications ?</source>
        <translation>The request was changed. Save the changes?</translation>
    </message>
    <message>
        <location filename="../../ui/request_dialog.ui" line="+18"/>
        <source>Demande de logement</source>
        <translation>Housing request</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Demandeur</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Référence de la demande</source>
        <translation>Request reference</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ex. DEM-2026-000123</source>
        <translation>e.g. DEM-2026-000123</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Numéro unique (SNE)</source>
        <translation>Unique number (SNE)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+282"/>
        <location line="+263"/>
        <location line="+143"/>
        <source>facultatif</source>
        <translation>optional</translation>
    </message>
    <message>
        <location line="-681"/>
        <source>Date de dépôt</source>
        <translation>Filing date</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+29"/>
        <location line="+48"/>
        <location line="+122"/>
        <location line="+209"/>
        <source>dd/MM/yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <location line="-401"/>
        <source>Renouvelée le</source>
        <translation>Renewed on</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Renouvelée</source>
        <translation>Renewed</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nom</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Date de naissance</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Adresse électronique</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>prenom.nom@exemple.fr</source>
        <translation>first.last@example.org</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ménage</source>
        <translation>Household</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nombre de personnes</source>
        <translation>Number of persons</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Dont personnes à charge</source>
        <translation>Of whom dependants</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Conjoint ou co-titulaire</source>
        <translation>Partner or co-applicant</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Né(e) le</source>
        <translation>Born on</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Handicap</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Une personne du ménage est en situation de handicap</source>
        <translation>A member of the household has a disability</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ressources</source>
        <translation>Resources</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Revenu fiscal de référence (N-2, €/an)</source>
        <translation>Reference taxable income (N-2, €/year)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>somme des avis d&apos;imposition</source>
        <translation>sum of the tax notices</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ressources mensuelles actuelles (€)</source>
        <translation>Current monthly resources (€)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Revenu N-1 ou des 12 derniers mois (€/an)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>facultatif ; retenu s&apos;il est inférieur d&apos;au moins 10 % au N-2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ressources propres du demandeur (€/an)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>facultatif ; retenues en cas de séparation ou de violences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Personnes de moins de 14 ans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>facultatif ; pour les unités de consommation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Emploi et travail</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Employeur</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>SIRET de l&apos;établissement</source>
        <translation>SIRET of the workplace</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>14 chiffres, facultatif</source>
        <translation>14 digits, optional</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type de contrat</source>
        <translation>Contract type</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mobilité professionnelle</source>
        <translation>Professional mobility</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Date de la mobilité</source>
        <translation>Date of the mobility</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connue</source>
        <translation>Known</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Commune du lieu de travail</source>
        <translation>Municipality of the workplace</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+68"/>
        <location line="+76"/>
        <source>nom, code postal ou code INSEE</source>
        <translation>name, postal code or INSEE code</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Mode de transport</source>
        <translation>Mode of transport</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Coordonnées du lieu de travail</source>
        <translation>Coordinates of the workplace</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>latitude</source>
        <translation>latitude</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>longitude</source>
        <translation>longitude</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Logement et motifs</source>
        <translation>Housing and reasons</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Commune de résidence</source>
        <translation>Municipality of residence</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Situation actuelle</source>
        <translation>Current situation</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Loyer actuel (€/mois)</source>
        <translation>Current rent (€/month)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Motifs de la demande</source>
        <translation>Reasons for the request</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Souhaits</source>
        <translation>Wishes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ajouter une commune souhaitée</source>
        <translation>Add a wished municipality</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Communes souhaitées</source>
        <translation>Wished municipalities</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Typologie</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>de</source>
        <translation>from</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>à</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Loyer maximal charges comprises (€/mois)</source>
        <translation>Maximum rent including charges (€/month)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Besoins</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Logement accessible (PMR)</source>
        <translation>Accessible home (reduced mobility)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ascenseur indispensable</source>
        <translation>Lift required</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Priorités</source>
        <translation>Priorities</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reconnu prioritaire DALO</source>
        <translation>Recognised as DALO priority</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Décision favorable de la commission de médiation</source>
        <translation>Favourable decision of the mediation committee</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Critères de priorité (CCH L441-1)</source>
        <translation>Priority criteria (CCH L441-1)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Calculé automatiquement</source>
        <translation>Computed automatically</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+26"/>
        <location line="+26"/>
        <location line="+26"/>
        <location line="+26"/>
        <location line="+26"/>
        <location line="+26"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Catégorie de ménage</source>
        <translation>Household category</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Groupes prioritaires</source>
        <translation>Priority groups</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Financements accessibles</source>
        <translation>Accessible financings</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Ancienneté</source>
        <translation>Seniority</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Expiration</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Revenu retenu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>À corriger avant d&apos;enregistrer</source>
        <translation>To correct before saving</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <location filename="../../housingmatch/gui/requests_page.py" line="+41"/>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nom</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Employeur</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Commune de travail</source>
        <translation>Place of work</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pers.</source>
        <translation>Pers.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nombre de personnes du ménage</source>
        <translation>Number of persons in the household</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+55"/>
        <source>Typologie</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Dépôt</source>
        <translation>Filed</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+33"/>
        <source>Priorité</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+21"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Rechercher une demande : nom, référence, numéro unique, employeur, commune…</source>
        <translation>Find a request: name, reference, unique number, employer, municipality…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tous</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+9"/>
        <source>Toutes</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>DALO</source>
        <translation>DALO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prioritaire L441-1</source>
        <translation>L441-1 priority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DALO ou L441-1</source>
        <translation>DALO or L441-1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobilité professionnelle déclarée</source>
        <translation>Professional mobility declared</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>domicile ou travail</source>
        <translation>home or work</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nouvelle demande</source>
        <translation>New request</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clôturer…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rouvrir</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Demande</source>
        <translation>Request</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Clôturer la demande</source>
        <translation>Close the request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif de clôture de la demande {ref} :</source>
        <translation>Reason for closing request {ref}:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clôture de la demande</source>
        <translation>Closing the request</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Réouverture de la demande</source>
        <translation>Reopening the request</translation>
    </message>
</context>
<context>
    <name>ReviewDetailPanel</name>
    <message>
        <location filename="../../housingmatch/gui/review_detail.py" line="+197"/>
        <source>Valider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>À revoir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Qui était au-dessus des retenus, et pourquoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Par</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Détail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Classement du jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejeu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Historique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrôles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Les entrées du journal d&apos;audit sur la proposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+12"/>
        <source>Choisissez une proposition dans la liste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Seul un superviseur valide un contrôle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Proposition n° {n} — logement {unit} — {landlord}, {commune}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{state}, créée le {created} par {advisor}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>classement du {day}, règles {hash}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>motif de l&apos;écart : {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Écarts relevés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Aucun écart relevé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pas encore contrôlée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Les candidats retenus sont les premiers du classement du jour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Pas de reçu de classement : rien à rejouer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rejeu identique : le reçu redonne le même classement, aux mêmes points près.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Le rejeu diffère du classement du jour :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Causes :</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../housingmatch/gui/review_page.py" line="+106"/>
        <source>Contrôle des propositions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rapport d&apos;audit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF à signer et classeur XLSX de la période : écarts, décisions, refus, rejeux, contrôles et vérification du journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Du</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>au</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conseiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bailleur</source>
        <translation type="unfinished">Landlord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commune</source>
        <translation type="unfinished">Municipality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Écart</source>
        <translation type="unfinished">Difference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groupe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Tous</source>
        <translation type="unfinished">All</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+150"/>
        <source>Contrôle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Lecture des propositions et rejeu des reçus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lecture des propositions à contrôler</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n proposition(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} à revoir</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n validée(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Proposition n° {n} : lecture et rejeu du reçu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lecture de la proposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Rapport d&apos;audit : le PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rapport d&apos;audit : le classeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classeur XLSX (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+18"/>
        <source>Rapport d&apos;audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le rapport d&apos;audit est enregistré :
{pdf}
{xlsx}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <location filename="../../housingmatch/gui/review_detail.py" line="-280"/>
        <source>Contrôle de la proposition n° {n} : {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ce que le conseiller lira sur sa proposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commentaire (facultatif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Votre mot de passe signe un point de contrôle du journal d&apos;audit : la décision ne pourra plus être modifiée sans que la vérification le signale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Valider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Renvoyer à revoir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Commentaire :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../../housingmatch/gui/unit_dialog.py" line="+81"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Logement {ref}</source>
        <translation>Unit {ref}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nouveau logement</source>
        <translation>New unit</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Nombre illisible : écrivez par exemple 45,5.</source>
        <translation>Unreadable number: write for example 45,5.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cette valeur est obligatoire.</source>
        <translation>This value is required.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>La commune est obligatoire.</source>
        <translation>The municipality is required.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>L&apos;étage est un nombre entier.</source>
        <translation>The floor is a whole number.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Aucun problème : le logement peut être enregistré.</source>
        <translation>No problem: the unit can be saved.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Enregistrement du logement</source>
        <translation>Saving the unit</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Le logement a été modifié. Enregistrer les modifications ?</source>
        <translation>The unit was changed. Save the changes?</translation>
    </message>
    <message>
        <location filename="../../ui/unit_dialog.ui" line="+18"/>
        <location line="+10"/>
        <source>Logement</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Référence du logement</source>
        <translation>Unit reference</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ex. LOG-2026-0042</source>
        <translation>e.g. LOG-2026-0042</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bailleur</source>
        <translation>Landlord</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Programme</source>
        <translation>Development</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+75"/>
        <location line="+313"/>
        <source>facultatif</source>
        <translation>optional</translation>
    </message>
    <message>
        <location line="-381"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>nom, code postal ou code INSEE</source>
        <translation>name, postal code or INSEE code</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Coordonnées</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>latitude</source>
        <translation>latitude</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>longitude</source>
        <translation>longitude</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Quartier prioritaire (QPV)</source>
        <translation>Priority neighbourhood (QPV)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Calculé automatiquement</source>
        <translation>Computed automatically</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loyer charges comprises</source>
        <translation>Rent including charges</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+17"/>
        <location line="+17"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Zone A/B/C</source>
        <translation>A/B/C zone</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Dijon Métropole</source>
        <translation>Dijon Métropole</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>À corriger avant d&apos;enregistrer</source>
        <translation>To correct before saving</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Caractéristiques et loyer</source>
        <translation>Features and rent</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Typologie</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Surface habitable (m²)</source>
        <translation>Living area (m²)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Étage</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>0 pour le rez-de-chaussée</source>
        <translation>0 for the ground floor</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Équipements</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ascenseur</source>
        <translation>Lift</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accessible aux personnes à mobilité réduite</source>
        <translation>Accessible to people with reduced mobility</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Financement</source>
        <translation>Financing</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Loyer hors charges (€/mois)</source>
        <translation>Rent excluding charges (€/month)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Charges (€/mois)</source>
        <translation>Charges (€/month)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Disponible le</source>
        <translation>Available on</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+31"/>
        <source>Connue</source>
        <translation>Known</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+31"/>
        <source>dd/MM/yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Date limite de proposition</source>
        <translation>Proposal deadline</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Réservé pour l&apos;employeur</source>
        <translation>Reserved for the employer</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <location filename="../../housingmatch/gui/units_page.py" line="+31"/>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bailleur</source>
        <translation>Landlord</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+79"/>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+71"/>
        <source>Typologie</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Surface</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+55"/>
        <source>Financement</source>
        <translation>Financing</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Loyer CC</source>
        <translation>Rent incl. charges</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loyer charges comprises, par mois</source>
        <translation>Rent including charges, per month</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>QPV</source>
        <translation>QPV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date limite</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date limite de proposition au bailleur</source>
        <translation>Deadline for the proposal to the landlord</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+25"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Rechercher un logement : référence, bailleur, programme, adresse, commune…</source>
        <translation>Find a unit: reference, landlord, development, address, municipality…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>Tous</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Toutes</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nom ou code</source>
        <translation>name or code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nouveau logement</source>
        <translation>New unit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Classer les candidats</source>
        <translation>Rank the candidates</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Logement</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../housingmatch/gui/aids_dialog.py" line="-231"/>
        <source>— non renseigné —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>non renseigné</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>non renseignée</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
