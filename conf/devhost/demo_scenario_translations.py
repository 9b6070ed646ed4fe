"""
The seed scenarios of the demo forum in the community's other languages.

The course team wrote the scenarios in English (``course_templates/``); these
are its translations, saved as the discussion core's translation records and
credited to the trainer, so the forum offers each reader their language.
By seed key, then language: (title, narrative in Markdown).
"""

SCENARIO_TRANSLATIONS = {
    "labour-market-driven-vet": {
        "it": (
            "Un'IFP guidata dal mercato del lavoro",
            ("Nel 2035 ogni regione ha un **consiglio delle competenze** in cui enti di IFP, associazioni "
            "artigiane e delle PMI e servizio pubblico per l'impiego si riuniscono quattro volte l'anno. Leggono "
            "i dati sui posti vacanti e le previsioni delle imprese, e decidono quali corsi aprire, cambiare o "
            "chiudere.\n\n"
            "La formazione continua è offerta in moduli brevi di poche settimane, che gli adulti combinano mentre "
            "lavorano. Ogni modulo si conclude con una micro-credenziale riconosciuta dai datori di lavoro di altri "
            "paesi, così una piastrellista siciliana può vedere riconosciute le sue competenze in Catalogna.\n\n"
            "I corsi seguono i mestieri di domani oltre ai posti vacanti di oggi: gli enti riservano una parte del "
            "bilancio a professioni che ancora non esistono. Il rischio su cui la comunità discute: le imprese con "
            "la voce più forte nel consiglio potrebbero orientare l'offerta verso i propri bisogni di breve "
            "periodo."),
        ),
        "el": (
            "ΕΕΚ με γνώμονα την αγορά εργασίας",
            ("Το 2035 κάθε περιφέρεια έχει ένα **συμβούλιο δεξιοτήτων**, όπου πάροχοι ΕΕΚ, ενώσεις βιοτεχνών και "
            "ΜμΕ και η δημόσια υπηρεσία απασχόλησης συναντώνται τέσσερις φορές τον χρόνο. Μελετούν τα στοιχεία "
            "για τις κενές θέσεις και τις προβλέψεις των ίδιων των επιχειρήσεων και συμφωνούν ποια "
            "προγράμματα θα ανοίξουν, θα αλλάξουν ή θα κλείσουν.\n\n"
            "Η συνεχιζόμενη ΕΕΚ προσφέρεται σε σύντομες ενότητες λίγων εβδομάδων, που οι ενήλικες συνδυάζουν "
            "ενώ εργάζονται. Κάθε ενότητα ολοκληρώνεται με ένα μικροδιαπιστευτήριο που αναγνωρίζουν οι "
            "εργοδότες και σε άλλες χώρες, ώστε μια πλακάς από τη Σικελία να βλέπει τις δεξιότητές της να "
            "μετρούν και στην Καταλονία.\n\n"
            "Τα προγράμματα ακολουθούν τα επαγγέλματα του αύριο όσο και τις σημερινές κενές θέσεις: οι πάροχοι "
            "κρατούν ένα μέρος του προϋπολογισμού τους για επαγγέλματα που δεν υπάρχουν ακόμη. Ο κίνδυνος που "
            "συζητά η κοινότητα: οι επιχειρήσεις με την πιο δυνατή φωνή στο συμβούλιο μπορεί να στρέψουν την "
            "προσφορά προς τις δικές τους βραχυπρόθεσμες ανάγκες."),
        ),
        "es": (
            "Una FP guiada por el mercado laboral",
            ("En 2035 cada región tiene un **consejo de competencias** en el que los centros de FP, las "
            "asociaciones de artesanos y de pymes y el servicio público de empleo se reúnen cuatro veces al año. "
            "Leen los datos de vacantes y las previsiones de las propias empresas, y acuerdan qué cursos abrir, "
            "cambiar o cerrar.\n\n"
            "La FP continua se ofrece en módulos breves de pocas semanas que las personas adultas combinan con su "
            "trabajo. Cada módulo termina con una microcredencial que reconocen los empleadores de otros países, "
            "de modo que a una alicatadora siciliana le cuentan sus competencias en Cataluña.\n\n"
            "Los cursos siguen los empleos del mañana además de las vacantes de hoy: los centros reservan una "
            "parte de su presupuesto para ocupaciones que todavía no existen. El riesgo que debate la comunidad: "
            "las empresas con más voz en el consejo podrían orientar la oferta hacia sus propias necesidades a "
            "corto plazo."),
        ),
        "ca": (
            "Una FP guiada pel mercat de treball",
            ("El 2035 cada regió té un **consell de competències** on els centres de FP, les associacions "
            "d'artesans i de pimes i el servei públic d'ocupació es reuneixen quatre vegades l'any. Llegeixen les "
            "dades de vacants i les previsions de les mateixes empreses, i acorden quins cursos cal obrir, canviar "
            "o tancar.\n\n"
            "La FP contínua s'ofereix en mòduls breus de poques setmanes que les persones adultes combinen amb la "
            "feina. Cada mòdul acaba amb una microcredencial que reconeixen els ocupadors d'altres països, de "
            "manera que a una enrajoladora siciliana li compten les competències a Catalunya.\n\n"
            "Els cursos segueixen les feines de demà a més de les vacants d'avui: els centres reserven una part "
            "del pressupost per a ocupacions que encara no existeixen. El risc que debat la comunitat: les "
            "empreses amb més veu al consell podrien orientar l'oferta cap a les seves pròpies necessitats a curt "
            "termini."),
        ),
    },
    "green-and-digital-crafts": {
        "it": (
            "Mestieri verdi e digitali, imparati sul lavoro",
            ("Entro il 2035 la maggior parte delle imprese artigiane ha installato almeno una volta pompe di "
            "calore, pannelli solari o strumenti digitali nelle case dei clienti, e ha imparato a farlo **mentre "
            "lo faceva**. Voucher pubblici pagano un formatore che passa alcuni giorni in bottega con la squadra, "
            "invece di mandare il personale in un'aula lontana.\n\n"
            "Gli apprendisti imparano per prime le parti verdi e digitali del mestiere, perché è lì che le imprese "
            "hanno bisogno di aiuto; gli artigiani più anziani imparano da loro quanto loro dagli anziani. Le "
            "associazioni delle PMI gestiscono centri di attrezzature condivise dove le piccole imprese provano "
            "nuove macchine prima di comprarle.\n\n"
            "Che cosa potrebbe andare storto: le microimprese che non hanno tempo per chiedere i voucher restano "
            "indietro, e il divario tra imprese innovative e tradizionali si allarga."),
        ),
        "el": (
            "Πράσινα και ψηφιακά επαγγέλματα, που μαθαίνονται στη δουλειά",
            ("Ως το 2035 οι περισσότερες βιοτεχνικές επιχειρήσεις έχουν εγκαταστήσει τουλάχιστον μία φορά "
            "αντλίες θερμότητας, φωτοβολταϊκά ή ψηφιακά εργαλεία σε σπίτια πελατών τους, και έμαθαν πώς γίνεται "
            "**κάνοντάς το**. Δημόσια κουπόνια πληρώνουν έναν εκπαιδευτή για να περάσει μέρες στο εργαστήριο με "
            "την ομάδα, αντί να στέλνεται το προσωπικό σε μια μακρινή αίθουσα.\n\n"
            "Οι μαθητευόμενοι μαθαίνουν πρώτα το πράσινο και το ψηφιακό μέρος της τέχνης τους, γιατί εκεί "
            "χρειάζονται βοήθεια οι επιχειρήσεις· οι παλαιότεροι τεχνίτες μαθαίνουν από αυτούς όσο και το "
            "αντίστροφο. Οι ενώσεις ΜμΕ λειτουργούν κέντρα κοινού εξοπλισμού, όπου οι μικρές επιχειρήσεις "
            "δοκιμάζουν νέα μηχανήματα πριν τα αγοράσουν.\n\n"
            "Τι θα μπορούσε να πάει στραβά: οι πολύ μικρές επιχειρήσεις που δεν έχουν χρόνο να κάνουν αίτηση "
            "για κουπόνια μένουν πίσω, και το χάσμα ανάμεσα σε καινοτόμες και παραδοσιακές επιχειρήσεις "
            "μεγαλώνει."),
        ),
        "es": (
            "Oficios verdes y digitales, aprendidos en el trabajo",
            ("Para 2035 la mayoría de las empresas artesanas ya ha instalado alguna vez bombas de calor, placas "
            "solares o herramientas digitales en casa de sus clientes, y ha aprendido a hacerlo **haciéndolo**. "
            "Unos bonos públicos pagan a un formador para que pase días en el taller con el equipo, en lugar de "
            "enviar al personal a un aula lejana.\n\n"
            "Los aprendices aprenden primero la parte verde y digital de su oficio, porque es ahí donde las "
            "empresas necesitan ayuda; los artesanos veteranos aprenden de ellos tanto como al revés. Las "
            "asociaciones de pymes gestionan centros de equipos compartidos donde las pequeñas empresas prueban "
            "máquinas nuevas antes de comprarlas.\n\n"
            "Qué podría salir mal: las microempresas que no tienen tiempo para solicitar los bonos se quedan "
            "atrás, y la brecha entre empresas innovadoras y tradicionales se agranda."),
        ),
        "ca": (
            "Oficis verds i digitals, apresos a la feina",
            ("Cap al 2035 la majoria de les empreses artesanes ja han instal·lat alguna vegada bombes de calor, "
            "plaques solars o eines digitals a casa dels clients, i han après a fer-ho **fent-ho**. Uns bons "
            "públics paguen un formador perquè passi dies al taller amb l'equip, en lloc d'enviar el personal a "
            "una aula llunyana.\n\n"
            "Els aprenents aprenen primer la part verda i digital del seu ofici, perquè és on les empreses "
            "necessiten ajuda; els artesans veterans aprenen d'ells tant com a l'inrevés. Les associacions de "
            "pimes gestionen centres d'equips compartits on les petites empreses proven màquines noves abans de "
            "comprar-les.\n\n"
            "Què podria sortir malament: les microempreses que no tenen temps per demanar els bons es queden "
            "enrere, i la bretxa entre empreses innovadores i tradicionals s'eixampla."),
        ),
    },
    "trainers-as-coaches": {
        "it": (
            "I formatori come coach di una rete europea di apprendimento",
            ("Nel 2035 una formatrice dell'IFP passa un terzo del suo tempo fuori dal centro di formazione: nelle "
            "imprese, nelle comunità online e negli scambi con colleghi all'estero. Un quadro europeo descrive "
            "che cosa devono saper fare formatori e tutor aziendali, e ogni formatore ha un **piano di sviluppo "
            "personale** finanziato dal datore di lavoro.\n\n"
            "I centri di formazione diventano nodi di una rete più che scuole: accompagnano le piccole imprese, "
            "ospitano la consulenza tra pari fra imprenditori e curano risorse aperte di partner di altri "
            "paesi.\n\n"
            "La questione aperta: chi paga il tempo dei formatori, e come entrano nella rete i piccoli enti senza "
            "partner internazionali?"),
        ),
        "el": (
            "Οι εκπαιδευτές ως καθοδηγητές ενός ευρωπαϊκού δικτύου μάθησης",
            ("Το 2035 μια εκπαιδεύτρια ΕΕΚ περνά το ένα τρίτο του χρόνου της έξω από το κέντρο κατάρτισης: σε "
            "επιχειρήσεις, σε διαδικτυακές κοινότητες και σε ανταλλαγές με συναδέλφους στο εξωτερικό. Ένα "
            "ευρωπαϊκό πλαίσιο περιγράφει τι πρέπει να μπορούν να κάνουν οι εκπαιδευτές και οι μέντορες στις "
            "επιχειρήσεις, και κάθε εκπαιδευτής έχει ένα **προσωπικό σχέδιο ανάπτυξης** που χρηματοδοτεί ο "
            "εργοδότης του.\n\n"
            "Τα κέντρα κατάρτισης γίνονται κόμβοι ενός δικτύου και όχι σχολεία: καθοδηγούν μικρές επιχειρήσεις, "
            "φιλοξενούν συμβουλευτική από ομοτίμους ανάμεσα σε επιχειρηματίες και επιμελούνται ανοιχτούς πόρους "
            "εταίρων από άλλες χώρες.\n\n"
            "Το ανοιχτό ερώτημα: ποιος πληρώνει τον χρόνο των εκπαιδευτών, και πώς μπαίνουν στο δίκτυο οι μικροί "
            "πάροχοι χωρίς διεθνείς εταίρους;"),
        ),
        "es": (
            "Formadores como coaches de una red europea de aprendizaje",
            ("En 2035 una formadora de FP pasa un tercio de su tiempo fuera del centro de formación: en empresas, "
            "en comunidades en línea y en intercambios con colegas de otros países. Un marco europeo describe lo "
            "que deben saber hacer los formadores y los tutores de empresa, y cada formador tiene un **plan de "
            "desarrollo personal** que financia su empleador.\n\n"
            "Los centros de formación se convierten en nodos de una red más que en escuelas: acompañan a las "
            "pequeñas empresas, acogen el asesoramiento entre iguales de emprendedores y seleccionan recursos "
            "abiertos de socios de otros países.\n\n"
            "La pregunta abierta: ¿quién paga el tiempo de los formadores, y cómo entran en la red los centros "
            "pequeños sin socios internacionales?"),
        ),
        "ca": (
            "Formadors com a coaches d'una xarxa europea d'aprenentatge",
            ("El 2035 una formadora de FP passa un terç del seu temps fora del centre de formació: a les empreses, "
            "a comunitats en línia i en intercanvis amb col·legues d'altres països. Un marc europeu descriu què "
            "han de saber fer els formadors i els tutors d'empresa, i cada formador té un **pla de desenvolupament "
            "personal** que finança el seu ocupador.\n\n"
            "Els centres de formació esdevenen nodes d'una xarxa més que no pas escoles: acompanyen les petites "
            "empreses, acullen l'assessorament entre iguals d'emprenedors i seleccionen recursos oberts de socis "
            "d'altres països.\n\n"
            "La pregunta oberta: qui paga el temps dels formadors, i com entren a la xarxa els centres petits "
            "sense socis internacionals?"),
        ),
    },
    "fragmented-status-quo": {
        "it": (
            "Tutto come prima: un'offerta frammentata",
            ("Non accade nulla di decisivo. Nel 2035 ogni ente programma ancora i suoi corsi da solo, i "
            "finanziamenti arrivano con bandi brevi e molta burocrazia, e le qualifiche ottenute in un paese sono "
            "difficili da usare in un altro.\n\n"
            "Le grandi imprese formano da sé il proprio personale; le piccole si affidano alla formazione sui "
            "prodotti dei fornitori. La carenza di competenze cresce, e molti mestieri perdono il sapere della "
            "generazione che va in pensione.\n\n"
            "Questo scenario è qui come punto di riferimento: valutatelo con onestà, perché uno status quo "
            "plausibile è già di per sé un motivo per agire."),
        ),
        "el": (
            "Όλα όπως πριν: μια κατακερματισμένη προσφορά",
            ("Δεν συμβαίνει τίποτα καθοριστικό. Το 2035 κάθε πάροχος σχεδιάζει ακόμη μόνος του τα προγράμματά "
            "του, η χρηματοδότηση έρχεται με σύντομες προσκλήσεις και πολλή γραφειοκρατία, και τα προσόντα που "
            "αποκτώνται σε μια χώρα δύσκολα αξιοποιούνται σε άλλη.\n\n"
            "Οι μεγάλες επιχειρήσεις εκπαιδεύουν μόνες τους το προσωπικό τους· οι μικρές βασίζονται στην "
            "εκπαίδευση των προμηθευτών για τα προϊόντα τους. Οι ελλείψεις δεξιοτήτων μεγαλώνουν, και πολλά "
            "επαγγέλματα χάνουν τη γνώση της γενιάς που συνταξιοδοτείται.\n\n"
            "Το σενάριο αυτό υπάρχει ως σημείο αναφοράς: βαθμολογήστε το με ειλικρίνεια, γιατί ένα πιθανό status "
            "quo είναι από μόνο του λόγος για δράση."),
        ),
        "es": (
            "Todo sigue igual: una oferta fragmentada",
            ("No ocurre nada decisivo. En 2035 cada centro sigue planificando sus cursos por su cuenta, la "
            "financiación llega en convocatorias cortas con mucho papeleo y las cualificaciones obtenidas en un "
            "país son difíciles de usar en otro.\n\n"
            "Las grandes empresas forman a su propio personal; las pequeñas dependen de la formación de producto "
            "de sus proveedores. La escasez de competencias crece, y muchos oficios pierden el saber de la "
            "generación que se jubila.\n\n"
            "Este escenario está aquí como punto de referencia: valoradlo con honestidad, porque un statu quo "
            "plausible ya es en sí mismo una razón para actuar."),
        ),
        "ca": (
            "Tot continua igual: una oferta fragmentada",
            ("No passa res de decisiu. El 2035 cada centre continua planificant els seus cursos pel seu compte, el "
            "finançament arriba en convocatòries curtes amb molta paperassa i les qualificacions obtingudes en un "
            "país són difícils de fer servir en un altre.\n\n"
            "Les grans empreses formen el seu propi personal; les petites depenen de la formació de producte dels "
            "proveïdors. La manca de competències creix, i molts oficis perden el saber de la generació que es "
            "jubila.\n\n"
            "Aquest escenari és aquí com a punt de referència: valoreu-lo amb honestedat, perquè un statu quo "
            "plausible ja és, per si mateix, un motiu per actuar."),
        ),
    },
}
