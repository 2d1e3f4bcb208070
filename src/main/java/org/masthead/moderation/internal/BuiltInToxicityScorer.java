package org.masthead.moderation.internal;

import java.util.List;
import java.util.Map;
import org.masthead.moderation.ToxicityScorer;

/**
 * A scorer that runs here, without any service: insults and threats from a short list written for this
 * project, counted more heavily when aimed at someone ("you …") and when shouted. It catches the
 * plainest abuse and little else; configure Perspective (or another scorer) for more.
 */
class BuiltInToxicityScorer implements ToxicityScorer {

    /** Words that insult, each with how much it counts on its own (skeletons, as the normaliser makes). */
    private static final Map<String, Double> INSULTS = skeletons(Map.ofEntries(
            Map.entry("idiot", 0.5),
            Map.entry("idiots", 0.5),
            Map.entry("moron", 0.5),
            Map.entry("morons", 0.5),
            Map.entry("imbecile", 0.5),
            Map.entry("cretin", 0.5),
            Map.entry("stupid", 0.4),
            Map.entry("pathetic", 0.35),
            Map.entry("loser", 0.4),
            Map.entry("scum", 0.6),
            Map.entry("vermin", 0.6),
            Map.entry("filth", 0.5),
            Map.entry("trash", 0.35),
            Map.entry("garbage", 0.3),
            Map.entry("disgusting", 0.3),
            Map.entry("worthless", 0.5),
            Map.entry("shut up", 0.5),
            Map.entry("dumb", 0.4)));

    /** Phrases that threaten or wish harm: enough on their own. */
    private static final List<String> THREATS = Map.of(
                    "kill you", 1,
                    "hope you die", 1,
                    "go die", 1,
                    "you should die", 1,
                    "i know where you live", 1,
                    "watch your back", 1,
                    "kill yourself", 1)
            .keySet()
            .stream()
            .map(Normaliser::entry)
            .toList();

    private static final List<String> AIMED = List.of("you", "your", "youre", "ur", "u").stream()
            .map(Normaliser::entry)
            .toList();

    @Override
    public boolean runsHere() {
        return true;
    }

    @Override
    public String name() {
        return "built-in";
    }

    @Override
    public double score(String text) {
        Normaliser.Words words = Normaliser.words(text);
        if (THREATS.stream().anyMatch(words::matches)) {
            return 0.95;
        }
        double score = 0;
        for (Map.Entry<String, Double> insult : INSULTS.entrySet()) {
            if (words.matches(insult.getKey())) {
                score += insult.getValue();
            }
        }
        if (score > 0 && AIMED.stream().anyMatch(words::matches)) {
            score += 0.3;
        }
        if (score > 0 && shouted(text)) {
            score += 0.15;
        }
        return Math.min(1, score);
    }

    private static boolean shouted(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long capitals = text.codePoints().filter(Character::isUpperCase).count();
        return letters >= 12 && capitals * 10 >= letters * 7;
    }

    private static Map<String, Double> skeletons(Map<String, Double> words) {
        Map<String, Double> skeletons = new java.util.HashMap<>();
        words.forEach((word, weight) -> skeletons.merge(Normaliser.entry(word), weight, Math::max));
        return Map.copyOf(skeletons);
    }
}
