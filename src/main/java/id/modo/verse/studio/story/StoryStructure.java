package id.modo.verse.studio.story;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The story structures a writer picks from, as data: each beat with its key (what {@code structure_beats} stores),
 * its act, and a title and one-line guide in English and Bahasa Indonesia, written in our own words. A custom
 * structure has no fixed beats: the writer's own are in {@code stories.custom_beats}.
 */
enum StoryStructure {

    HERO("hero", "Hero's Journey", "Perjalanan Sang Pahlawan", List.of(
            beat("ordinary_world", 1, "Ordinary world", "Dunia biasa",
                    "Show the hero's everyday life and what is missing from it.",
                    "Tunjukkan keseharian sang tokoh dan apa yang kurang darinya."),
            beat("call_to_adventure", 1, "Call to adventure", "Panggilan petualangan",
                    "Something disturbs that life and offers a challenge.",
                    "Sesuatu mengusik hidup itu dan menawarkan tantangan."),
            beat("refusal_of_the_call", 1, "Refusal of the call", "Penolakan panggilan",
                    "Fear or duty makes the hero hesitate.",
                    "Rasa takut atau kewajiban membuat sang tokoh ragu."),
            beat("meeting_the_mentor", 1, "Meeting the mentor", "Bertemu sang mentor",
                    "Someone gives advice, a gift or courage.",
                    "Seseorang memberi nasihat, bekal, atau keberanian."),
            beat("crossing_the_threshold", 1, "Crossing the threshold", "Melewati ambang",
                    "The hero commits and enters the unfamiliar world.",
                    "Sang tokoh memutuskan dan masuk ke dunia yang asing."),
            beat("tests_allies_enemies", 2, "Tests, allies, enemies", "Ujian, sekutu, musuh",
                    "The new world's rules are learned through trials and new faces.",
                    "Aturan dunia baru dipelajari lewat ujian dan wajah-wajah baru."),
            beat("approach_inmost_cave", 2, "Approach to the inmost cave", "Mendekati gua terdalam",
                    "The hero prepares for the greatest danger.",
                    "Sang tokoh bersiap menghadapi bahaya terbesar."),
            beat("ordeal", 2, "Ordeal", "Cobaan berat",
                    "A life-or-death crisis the hero barely survives.",
                    "Krisis hidup-mati yang nyaris tak terlewati."),
            beat("reward", 2, "Reward", "Ganjaran",
                    "Having survived, the hero takes the prize.",
                    "Setelah selamat, sang tokoh meraih hadiahnya."),
            beat("road_back", 3, "The road back", "Jalan pulang",
                    "The hero heads home, chased by consequences.",
                    "Sang tokoh pulang, dikejar akibat perbuatannya."),
            beat("resurrection", 3, "Resurrection", "Kebangkitan",
                    "A final test proves the hero has changed.",
                    "Ujian terakhir membuktikan sang tokoh telah berubah."),
            beat("return_with_elixir", 3, "Return with the elixir", "Kembali membawa obat",
                    "The hero brings back something that heals their world.",
                    "Sang tokoh membawa pulang sesuatu yang memulihkan dunianya."))),

    CAT("cat", "Save the Cat", "Save the Cat", List.of(
            beat("opening_image", 1, "Opening image", "Gambar pembuka",
                    "One picture of the world and the hero before anything changes.",
                    "Satu gambaran dunia dan tokoh sebelum semuanya berubah."),
            beat("theme_stated", 1, "Theme stated", "Tema diucapkan",
                    "Someone hints at the lesson the hero will have to learn.",
                    "Seseorang menyiratkan pelajaran yang harus dipetik sang tokoh."),
            beat("setup", 1, "Set-up", "Pengenalan",
                    "The hero's life, flaws and people, and what is at stake.",
                    "Hidup, kelemahan, orang-orang di sekitar tokoh, dan taruhannya."),
            beat("catalyst", 1, "Catalyst", "Pemicu",
                    "The event that turns the hero's life upside down.",
                    "Peristiwa yang memutarbalikkan hidup sang tokoh."),
            beat("debate", 1, "Debate", "Keraguan",
                    "The hero doubts whether to go.",
                    "Sang tokoh menimbang apakah akan melangkah."),
            beat("break_into_two", 2, "Break into two", "Masuk babak dua",
                    "The hero chooses to act and enters a new world.",
                    "Sang tokoh memilih bertindak dan memasuki dunia baru."),
            beat("b_story", 2, "B story", "Cerita B",
                    "A second thread, often a relationship, that carries the theme.",
                    "Alur kedua, sering sebuah hubungan, yang membawa tema."),
            beat("fun_and_games", 2, "Fun and games", "Bersenang-senang",
                    "The promise of the premise: the scenes the audience came for.",
                    "Janji premis: adegan-adegan yang ditunggu penonton."),
            beat("midpoint", 2, "Midpoint", "Titik tengah",
                    "A false victory or false defeat raises the stakes.",
                    "Kemenangan atau kekalahan semu menaikkan taruhan."),
            beat("bad_guys_close_in", 2, "Bad guys close in", "Musuh mendekat",
                    "Pressure from outside and doubt inside grow.",
                    "Tekanan dari luar dan keraguan dari dalam makin besar."),
            beat("all_is_lost", 2, "All is lost", "Semua hilang",
                    "The lowest point: something or someone is lost.",
                    "Titik terendah: sesuatu atau seseorang hilang."),
            beat("dark_night_of_the_soul", 2, "Dark night of the soul", "Malam tergelap",
                    "The hero mourns and faces the truth.",
                    "Sang tokoh berduka dan menghadapi kebenaran."),
            beat("break_into_three", 3, "Break into three", "Masuk babak tiga",
                    "A new idea, born of the lesson, shows the way out.",
                    "Gagasan baru, lahir dari pelajaran itu, menunjukkan jalan keluar."),
            beat("finale", 3, "Finale", "Final",
                    "The hero acts on the lesson and sets things right.",
                    "Sang tokoh bertindak sesuai pelajarannya dan membereskan keadaan."),
            beat("final_image", 3, "Final image", "Gambar penutup",
                    "A mirror of the opening image that shows the change.",
                    "Cermin gambar pembuka yang menunjukkan perubahan."))),

    HARMON("harmon", "Dan Harmon's story circle", "Lingkaran cerita Dan Harmon", List.of(
            beat("you", 1, "You", "Kamu",
                    "A character in their comfort zone.",
                    "Seorang tokoh di zona nyamannya."),
            beat("need", 1, "Need", "Butuh",
                    "They want something.",
                    "Ia menginginkan sesuatu."),
            beat("go", 2, "Go", "Pergi",
                    "They enter an unfamiliar situation.",
                    "Ia masuk ke situasi yang asing."),
            beat("search", 2, "Search", "Mencari",
                    "They adapt to it and struggle.",
                    "Ia beradaptasi dan berjuang."),
            beat("find", 2, "Find", "Menemukan",
                    "They get what they wanted.",
                    "Ia mendapatkan yang diinginkannya."),
            beat("take", 2, "Take", "Membayar",
                    "They pay a heavy price for it.",
                    "Ia membayar mahal untuk itu."),
            beat("return", 3, "Return", "Kembali",
                    "They go back to where they started.",
                    "Ia kembali ke tempat semula."),
            beat("change", 3, "Change", "Berubah",
                    "They have changed.",
                    "Ia telah berubah."))),

    THREE_ACT("three_act", "Three-act structure", "Struktur tiga babak", List.of(
            beat("setup", 1, "Setup", "Pengenalan",
                    "Who, where and what they want, before the trouble starts.",
                    "Siapa, di mana, dan apa yang diinginkan, sebelum masalah datang."),
            beat("inciting_incident", 1, "Inciting incident", "Insiden pemicu",
                    "The event that sets the story moving.",
                    "Peristiwa yang menggerakkan cerita."),
            beat("plot_point_1", 1, "Plot point 1", "Titik plot 1",
                    "A decision that locks the hero into the conflict.",
                    "Keputusan yang mengikat sang tokoh pada konflik."),
            beat("rising_action", 2, "Rising action", "Aksi meningkat",
                    "Obstacles grow and the hero keeps trying.",
                    "Rintangan bertambah dan sang tokoh terus mencoba."),
            beat("midpoint", 2, "Midpoint", "Titik tengah",
                    "A turn that changes what the hero is fighting for.",
                    "Belokan yang mengubah apa yang diperjuangkan sang tokoh."),
            beat("plot_point_2", 2, "Plot point 2", "Titik plot 2",
                    "A blow or discovery that forces the final push.",
                    "Pukulan atau temuan yang memaksa dorongan terakhir."),
            beat("climax", 3, "Climax", "Klimaks",
                    "The decisive confrontation.",
                    "Konfrontasi penentu."),
            beat("resolution", 3, "Resolution", "Resolusi",
                    "The new normal after the conflict.",
                    "Keadaan baru setelah konflik usai."))),

    FREYTAG("freytag", "Freytag's pyramid", "Piramida Freytag", List.of(
            beat("exposition", 1, "Exposition", "Eksposisi",
                    "The world, the people and the tension beneath.",
                    "Dunia, para tokoh, dan ketegangan yang terpendam."),
            beat("rising_action", 2, "Rising action", "Aksi meningkat",
                    "Complications build toward the peak.",
                    "Komplikasi menumpuk menuju puncak."),
            beat("climax", 3, "Climax", "Klimaks",
                    "The turning point of the hero's fortune.",
                    "Titik balik nasib sang tokoh."),
            beat("falling_action", 4, "Falling action", "Aksi menurun",
                    "The consequences unfold.",
                    "Akibat-akibatnya terurai."),
            beat("denouement", 5, "Denouement", "Penyelesaian",
                    "Loose ends are tied and a new order settles.",
                    "Benang kusut terurai dan tatanan baru terbentuk."))),

    CUSTOM("custom", "Custom", "Kustom", List.of());

    /** A beat of a structure; custom beats have act 0 and no guide. */
    record Beat(String key, int act, String titleEn, String titleId, String guideEn, String guideId) {

        String title(Locale locale) {
            return isIndonesian(locale) ? titleId : titleEn;
        }

        String guide(Locale locale) {
            return isIndonesian(locale) ? guideId : guideEn;
        }
    }

    private final String key;
    private final String nameEn;
    private final String nameId;
    private final List<Beat> beats;

    StoryStructure(String key, String nameEn, String nameId, List<Beat> beats) {
        this.key = key;
        this.nameEn = nameEn;
        this.nameId = nameId;
        this.beats = beats;
    }

    String key() {
        return key;
    }

    String name(Locale locale) {
        return isIndonesian(locale) ? nameId : nameEn;
    }

    /** The fixed beats, in order; empty for {@link #CUSTOM}. */
    List<Beat> beats() {
        return beats;
    }

    static Optional<StoryStructure> fromKey(String key) {
        for (StoryStructure structure : values()) {
            if (structure.key.equals(key)) {
                return Optional.of(structure);
            }
        }
        return Optional.empty();
    }

    private static Beat beat(String key, int act, String titleEn, String titleId, String guideEn, String guideId) {
        return new Beat(key, act, titleEn, titleId, guideEn, guideId);
    }

    private static boolean isIndonesian(Locale locale) {
        return locale != null && "id".equals(locale.getLanguage());
    }
}
